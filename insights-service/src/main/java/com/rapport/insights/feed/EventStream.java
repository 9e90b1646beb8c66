package com.rapport.insights.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * The feed as server-sent events, one thread per subscriber. Memory stays bounded however slow
 * a subscriber is: the next page is read only once the previous one is written to its socket.
 */
@Component
class EventStream implements DisposableBean {

    static final int MOST_SUBSCRIBERS = 32;
    private static final int PAGE = 100;
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final EventFeed feed;
    private final Semaphore places = new Semaphore(MOST_SUBSCRIBERS);
    private final ExecutorService subscribers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "event-stream");
        thread.setDaemon(true);
        return thread;
    });

    EventStream(EventFeed feed, MeterRegistry registry) {
        this.feed = feed;
        Gauge.builder("rapport.feed.subscribers", places, free -> MOST_SUBSCRIBERS - free.availablePermits())
                .description("Clients following the event stream")
                .register(registry);
    }

    /** @return null when every place is taken */
    SseEmitter follow(long after, Set<String> types, UUID account) {
        if (!places.tryAcquire()) {
            return null;
        }
        SseEmitter emitter = new SseEmitter(0L);
        try {
            subscribers.execute(() -> {
                try {
                    serve(emitter, after, types, account);
                } finally {
                    places.release();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            places.release();
            emitter.complete();
        }
        return emitter;
    }

    private void serve(SseEmitter emitter, long after, Set<String> types, UUID account) {
        long position = after;
        Instant lastSent = Instant.now();
        try {
            // the response starts with the first thing sent: without this a subscriber at the head
            // would not know it is connected (EventSource's "open") until an event or a heartbeat
            emitter.send(SseEmitter.event().comment("following after " + after));
            while (!Thread.currentThread().isInterrupted()) {
                FeedPage page = feed.read(position, PAGE, types, account);
                for (FeedItem item : page.items()) {
                    emitter.send(SseEmitter.event().id(String.valueOf(item.position())).name(item.type()).data(item));
                }
                // a page may end early having read only events this subscriber did not ask for
                boolean moreStored = page.next() > position;
                position = page.next();
                if (!page.items().isEmpty()) {
                    lastSent = Instant.now();
                } else if (Duration.between(lastSent, Instant.now()).compareTo(HEARTBEAT) >= 0) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSent = Instant.now();
                }
                if (!moreStored) {
                    Thread.sleep(IDLE_POLL.toMillis());
                }
            }
        } catch (IOException | IllegalStateException gone) {
            log.debug("An event stream subscriber left at position {}", position);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            log.error("The event stream failed at position {}", position, failure);
            emitter.completeWithError(failure);
            return;
        }
        emitter.complete();
    }

    @Override
    public void destroy() {
        subscribers.shutdownNow();
    }
}
