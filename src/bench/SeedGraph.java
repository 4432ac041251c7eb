import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;

/**
 * Fills a benchmark store with registry-shaped data (firearms with a serial marking each) through
 * Bolt, the way any client would. Run by startup.sh: java -cp <driver classpath> SeedGraph.java URI PASSWORD N
 */
public class SeedGraph {
    public static void main(String[] args) {
        String uri = args[0];
        String password = args[1];
        int n = Integer.parseInt(args[2]);
        try (var driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password), Config.builder().withoutEncryption().build());
             var session = driver.session()) {
            long t0 = System.nanoTime();
            session.run("""
                    UNWIND range(1, $n) AS i
                    CALL (i) {
                      CREATE (f:BenchFirearm {serialKey: 'SN' + toString(i), make: 'Make' + toString(i % 200),
                                              calibre: '9x19', recordedAt: datetime()})
                      CREATE (f)-[:HAS_MARKING]->(:BenchMarking {kind: 'SERIAL', text: 'SN-' + toString(i)})
                    } IN TRANSACTIONS OF 20000 ROWS
                    """, Map.of("n", n)).consume();
            System.out.printf("seeded %d firearms + %d markings in %.1f s%n", n, n, (System.nanoTime() - t0) / 1e9);
        }
    }
}
