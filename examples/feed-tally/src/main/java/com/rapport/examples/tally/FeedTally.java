package com.rapport.examples.tally;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code java -jar feed-tally-exec.jar [gateway-url] [state-file]} with the API key in
 * RAPPORT_API_KEY (a key with the INTEGRATION role). Counts Rapport's events per type and per
 * account in the state file, and picks up where it stopped when started again.
 */
public final class FeedTally {

    private FeedTally() {
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        Path stateFile = Path.of(args.length > 1 ? args[1] : "feed-tally.properties");
        String apiKey = System.getenv("RAPPORT_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            System.err.println("feed-tally: set RAPPORT_API_KEY to a key with the INTEGRATION role");
            System.exit(2);
        }
        FeedFollower follower = new FeedFollower(gateway, apiKey, stateFile);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                follower.close();
            } catch (Exception ignored) {
                // stopping anyway; the state file is saved after every event
            }
            System.out.println("feed-tally: stopped at position " + follower.tally().position()
                    + ", counted " + follower.tally().byType());
        }));
        System.out.println("feed-tally: following " + gateway + " from position " + follower.tally().position());
        follower.follow();
    }
}
