import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ingest latency of POST /migration/events on a running accessgate: N signed requests, each a
 * new event (its own messageId, so each is a real SQLite commit), from C concurrent senders.
 * Prints p50, p90, p99 and max in milliseconds and the non-200 count.
 *
 *   java benchmarks/migration-latency/MigrationLatency.java <baseUrl> <JWT> [requests=1000] [senders=1]
 */
public class MigrationLatency {

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/migration/events";
        String jwt = args[1];
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int senders = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) { // warm-up, not measured
            send(client, url, jwt, "warmup-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<long[]>> results = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int share = requests / senders;
            results.add(pool.submit(() -> {
                long[] nanos = new long[share];
                for (int i = 0; i < share; i++) {
                    long start = System.nanoTime();
                    int status = send(client, url, jwt, "t-" + (i % 50));
                    nanos[i] = status == 200 ? System.nanoTime() - start : -1;
                }
                return nanos;
            }));
        }
        List<Long> all = new ArrayList<>();
        int failed = 0;
        for (Future<long[]> f : results) {
            for (long n : f.get()) {
                if (n < 0) {
                    failed++;
                } else {
                    all.add(n);
                }
            }
        }
        pool.shutdown();
        Collections.sort(all);
        System.out.printf("requests=%d senders=%d non200=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
                all.size() + failed, senders, failed, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99),
                all.get(all.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static int send(HttpClient client, String url, String jwt, String transfer) throws Exception {
        String body = "{\"eventType\":\"app-data-uploaded\",\"cloudAppKey\":\"my-cloud-app-key\",\"transferId\":\""
                + transfer + "\",\"messageId\":\"" + UUID.randomUUID() + "\",\"serverAppVersion\":\"1.0\","
                + "\"migrationDetails\":{\"migrationId\":\"m\",\"migrationScopeId\":\"s\",\"name\":\"bench\","
                + "\"createdAt\":1597193662,\"jiraClientKey\":\"unknown\",\"confluenceClientKey\":\"unknown\","
                + "\"cloudUrl\":\"https://bench.atlassian.net\"},\"s3Key\":\"" + UUID.randomUUID() + "\",\"label\":\"x\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "JWT " + jwt).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
