package org.armstrace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.summary.Plan;
import org.springframework.data.neo4j.core.Neo4jClient;

/** What the planner would do with a query, read from EXPLAIN (nothing is run). */
public final class QueryPlans {

    /** The operators of the plan, and the cartesian products among them that combine more than unique lookups. */
    public record Explained(List<String> operators, List<String> products) {

        public boolean boundedAndConnected() {
            return products.isEmpty() && operators.stream().noneMatch(o -> o.startsWith("VarLengthExpand")
                    || o.startsWith("ShortestPath") || o.startsWith("AntiConditionalApply"));
        }
    }

    private QueryPlans() {
    }

    public static Explained explain(Neo4jClient neo4j, String query, Map<String, Object> params) {
        var operators = new ArrayList<String>();
        var products = new ArrayList<String>();
        neo4j.delegateTo(runner -> {
            collect(runner.run("EXPLAIN " + query, params).consume().plan(), operators, products);
            return Optional.empty();
        }).run();
        return new Explained(operators, products);
    }

    /**
     * One node by its constrained key: a unique seek, or (the planner's choice on a store with few
     * such nodes) a scan of that key's index filtered on the key's value.
     */
    private static boolean keyLookup(Plan p) {
        if (p.operatorType().startsWith("NodeUniqueIndexSeek")) {
            return p.children().isEmpty();
        }
        String details = p.arguments().containsKey("Details") ? p.arguments().get("Details").asString() : "";
        // "b.id = $bKey", or "cache[b.id] = $bKey" when the planner has read the property ahead.
        return p.operatorType().startsWith("Filter") && details.matches("(?s).*\\.(id|reference)]? = \\$\\w+.*")
                && p.children().size() == 1 && p.children().getFirst().operatorType().startsWith("NodeIndexScan")
                && p.children().getFirst().children().isEmpty();
    }

    /**
     * Every operator of the plan; and every cartesian product, unless all it combines are lookups
     * by a constrained key (one row times one row, as when both ends of a path are looked up by key).
     */
    private static void collect(Plan plan, List<String> operators, List<String> products) {
        // With its details, so that a failing assertion shows what the planner chose and on what.
        operators.add(plan.operatorType() + (plan.arguments().containsKey("Details")
                ? " " + plan.arguments().get("Details").asString() : ""));
        if (plan.operatorType().startsWith("CartesianProduct") && !plan.children().stream().allMatch(QueryPlans::keyLookup)) {
            products.add(plan.operatorType());
        }
        plan.children().forEach(c -> collect(c, operators, products));
    }
}
