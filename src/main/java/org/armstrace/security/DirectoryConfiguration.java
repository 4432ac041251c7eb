package org.armstrace.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Directory sign-in, only when {@code armstrace.directory.enabled=true}. Without it nothing of
 * Spring LDAP is created and only local accounts sign in. A wrong setting stops the start
 * ({@link DirectorySettings#check()}) rather than the first sign-in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("armstrace.directory.enabled")
@EnableConfigurationProperties(DirectorySettings.class)
class DirectoryConfiguration {

    @Bean
    DirectorySignIn directorySignIn(DirectorySettings settings, UserAccountService users) {
        return new DirectorySignIn(settings, users);
    }
}
