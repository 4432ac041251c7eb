package org.armstrace.security;

import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in behind the {@link SignInLockout}: the attempt is counted before the delegate (the
 * password check, or a directory) sees it, so parallel guesses cannot slip past the limit.
 *
 * <p>Every refusal gets one answer, {@link BadCredentialsException}, whether the password was
 * wrong, the name unknown, the account disabled or its one-time password expired; only a lockout
 * is told apart ({@link LockedException}), and that is decided before the password is looked at.
 * Refusals are counted by {@link RefusedSignIns} (one audit event per address and minute);
 * successes are audited at once and remembered as the user's last sign-in.
 *
 * <p>The client address is the servlet request's remote address, which is the real client's
 * behind a proxy when {@code server.forward-headers-strategy} is configured for it.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final SignInLockout lockout;
    private final RefusedSignIns refusals;
    private final UserAccountService users;
    private final AuditLog audit;
    private final UnaryOperator<String> accountName;

    /**
     * @param accountName the account a typed name stands for ({@code Bob@domain} and {@code bob} are
     *                    one AD account): counted under it, so that typing it two ways does not
     *                    double the guesses the lockout allows
     */
    ThrottledAuthenticationProvider(AuthenticationProvider delegate, SignInLockout lockout, RefusedSignIns refusals,
                                    UserAccountService users, AuditLog audit, UnaryOperator<String> accountName) {
        this.delegate = delegate;
        this.accountName = accountName;
        this.lockout = lockout;
        this.refusals = refusals;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = accountName.apply(authentication.getName());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        SignInLockout.Attempt attempt = lockout.reserve(name, address);
        if (!attempt.allowed()) {
            refusals.refused(address, name, RefusedSignIns.Reason.LOCKED);
            throw new LockedException("Too many failed sign-in attempts");
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (DirectorySignIn.NoMappedGroup e) {
            // The directory accepted the password but gives no role here: saying so reveals nothing
            // to a guesser (the password was right), and tells the user whom to ask.
            refusals.refused(address, name, RefusedSignIns.Reason.FAILED);
            throw e;
        } catch (BadCredentialsException | UsernameNotFoundException | AccountStatusException e) {
            // AccountStatusException: disabled, locked by the directory, expired one-time password.
            refusals.refused(address, name, RefusedSignIns.Reason.FAILED);
            throw new BadCredentialsException("Bad credentials");
        } catch (RuntimeException e) {
            lockout.released(attempt); // the check could not be made: not the caller's failure
            throw e;
        }
        if (result == null) {
            lockout.released(attempt);
            return null;
        }
        lockout.succeeded(attempt);
        String who = SignInLockout.cut(result.getName());
        users.recordSignIn(who, address);
        audit.recordAs(who, "login.succeeded", List.of("User:" + who), "from " + address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication)
                && delegate.supports(authentication);
    }
}
