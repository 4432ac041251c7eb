package org.armstrace.intelligence.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.armstrace.cases.Case;
import org.armstrace.cases.CaseLink;
import org.armstrace.cases.LinkKind;
import org.armstrace.intelligence.EntityRef;
import org.armstrace.intelligence.LinkAnalysis;

/**
 * A case as the chart's entities: the case itself and the records it links that the chart can show
 * (alerts and saved investigations are not entities of the chart; their evidence is on their own
 * pages), at most one chart page of them.
 */
final class CaseSeeds {

    private static final Map<LinkKind, EntityRef.Kind> KINDS = Map.of(LinkKind.RECOVERY, EntityRef.Kind.RECOVERY,
            LinkKind.FIREARM, EntityRef.Kind.FIREARM, LinkKind.PERSON, EntityRef.Kind.PERSON,
            LinkKind.ORGANISATION, EntityRef.Kind.ORGANISATION, LinkKind.TRACE_REQUEST, EntityRef.Kind.TRACE_REQUEST);

    private CaseSeeds() {
    }

    static List<EntityRef> of(Case c, List<CaseLink> links) {
        var refs = new ArrayList<EntityRef>();
        refs.add(new EntityRef(EntityRef.Kind.CASE, c.reference()));
        links.stream().filter(l -> KINDS.containsKey(l.kind())).limit(LinkAnalysis.MAX_PAGE - 1)
                .forEach(l -> refs.add(new EntityRef(KINDS.get(l.kind()), l.key())));
        return refs;
    }
}
