package dev.accessgate.app.cli.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends a scenario's requests over a fixed number of keep-alive connections, either as fast as
 * they go (closed loop) or at a fixed rate (open loop). At a fixed rate, latency is measured from
 * when a request was due, not when it was sent, so a stalled server cannot hide its queue
 * (coordinated omission). Netty's non-blocking client on one or two event-loop threads: the
 * blocking {@code java.net.http} client it replaces topped out at about 4,600 requests/s here,
 * below the rates the targets are stated at.
 */
public final class LoadRunner {

    /** What a run measured. Latencies are in microseconds. */
    public record Report(String scenario, String unit, long requests, long units, Map<Integer, Long> statuses,
                         long failures, Duration elapsed, Histogram latency) {

        public double requestsPerSecond() {
            return requests / seconds();
        }

        public double unitsPerSecond() {
            return units / seconds();
        }

        private double seconds() {
            return Math.max(elapsed.toNanos(), 1) / 1e9;
        }

        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("%s: %,d requests (%,d %s) in %.1f s%n", scenario, requests, units, unit,
                    seconds()));
            text.append(String.format("throughput: %,.0f requests/s, %,.0f %s/s%n", requestsPerSecond(),
                    unitsPerSecond(), unit));
            text.append(String.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    ms(50), ms(90), ms(99), ms(99.9), latency.getMaxValue() / 1000.0));
            text.append("statuses: ").append(statuses).append(failures > 0 ? "  connection failures: " + failures : "");
            return text.toString();
        }

        private double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** Request numbers of the warm-up start here, so its events never collide with the run's. */
    private static final long WARM_UP_FIRST = 1L << 40;

    public Report run(LoadOptions options, PrintStream progress) {
        if (!options.warmUp().isZero()) {
            progress.printf("warm-up: %d s, not counted%n", options.warmUp().toSeconds());
            run(options, options.warmUp(), WARM_UP_FIRST, progress);
            progress.println("measured run:");
        }
        return run(options, options.duration(), 0, progress);
    }

    private Report run(LoadOptions options, Duration duration, long firstRequest, PrintStream progress) {
        Scenarios.Scenario scenario = Scenarios.of(options);
        Run run = new Run(options, scenario, duration, firstRequest);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("load-progress"));
        ticker.scheduleAtFixedRate(() -> progress.printf("  %5.0f s  %,12d sent  %,12d %s ok  %,d failed%n",
                (System.nanoTime() - run.start) / 1e9, run.sent.sum(), run.units.sum(), scenario.unit(),
                run.failures.sum()), 1, 1, TimeUnit.SECONDS);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(options.threads(), daemon("load-loop"),
                NioIoHandler.newFactory());
        try {
            Bootstrap bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
            List<Connection> connections = new ArrayList<>();
            for (int k = 0; k < options.concurrency(); k++) {
                connections.add(new Connection(run, bootstrap, k));
                connections.get(k).connect();
            }
            // The clock starts once every connection is open, as wrk's does: setting up Netty and
            // the connections is not the service's time.
            run.connected.await(30, TimeUnit.SECONDS);
            run.begin();
            connections.forEach(Connection::begin);
            if (!run.done.await(duration.toSeconds() + GRACE_SECONDS, TimeUnit.SECONDS)) {
                progress.println("  some requests got no answer within " + GRACE_SECONDS + " s of the end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            ticker.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(run.lastAnswer.get() - run.start);
        Map<Integer, Long> counted = new TreeMap<>();
        run.statuses.forEach((status, count) -> counted.put(status, count.sum()));
        long answered = counted.values().stream().mapToLong(Long::longValue).sum();
        // Requests still unanswered when the run gave up count as failures.
        long failures = Math.max(run.failures.sum(), run.sent.sum() - answered);
        return new Report(options.scenario(), scenario.unit(), answered + failures, run.units.sum(), counted,
                failures, elapsed, run.latency);
    }

    /** How long after the run's end requests still in flight are waited for. */
    private static final long GRACE_SECONDS = 35;

    /** The state of one run, shared by its connections. */
    private static final class Run {
        final LoadOptions options;
        final Scenarios.Scenario scenario;
        final Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder units = new LongAdder();
        final LongAdder sent = new LongAdder();
        final LongAdder failures = new LongAdder();
        final AtomicLong lastAnswer = new AtomicLong();
        final CountDownLatch connected;
        volatile boolean started;
        volatile long start = System.nanoTime();
        volatile long deadline = Long.MAX_VALUE;
        /** Nanoseconds between two requests of the whole run; 0 when flat out. */
        final long interval;
        final Duration duration;
        final long firstRequest;
        final CountDownLatch done;
        final String host;
        final int port;

        Run(LoadOptions options, Scenarios.Scenario scenario, Duration duration, long firstRequest) {
            this.options = options;
            this.duration = duration;
            this.firstRequest = firstRequest;
            this.scenario = scenario;
            this.connected = new CountDownLatch(options.concurrency());
            this.interval = options.rate() == 0 ? 0 : 1_000_000_000L / options.rate();
            this.done = new CountDownLatch(options.concurrency());
            this.host = options.target().getHost();
            this.port = options.target().getPort() == -1 ? 80 : options.target().getPort();
        }

        void begin() {
            start = System.nanoTime();
            lastAnswer.set(start);
            deadline = start + duration.toNanos();
            started = true;
        }
    }

    /**
     * One keep-alive connection that sends request numbers k, k + c, k + 2c, ... (c
     * connections), one at a time, each when due. At a fixed rate the n-th request is due at
     * start + n / rate whatever happened before, and its latency is counted from then: a
     * request that waits for its connection because the previous answer was late is counted
     * late (coordinated omission, as wrk2 does). Everything runs on the connection's event loop.
     */
    private static final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Run run;
        private final Bootstrap bootstrap;
        private long n;
        private long due;
        private long units;
        private boolean inFlight;
        private boolean finished;
        private Channel channel;

        Connection(Run run, Bootstrap bootstrap, int k) {
            this.run = run;
            this.bootstrap = bootstrap;
            this.n = run.firstRequest + k;
        }

        void connect() {
            Connection self = this;
            bootstrap.clone().handler(new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(16 << 20), self);
                }
            }).connect(run.host, run.port).addListener((ChannelFuture connected) -> {
                if (connected.isSuccess()) {
                    channel = connected.channel();
                    if (run.started) {
                        sendNext(); // a reconnection
                    } else {
                        run.connected.countDown();
                    }
                } else {
                    run.failures.increment();
                    if (!run.started || System.nanoTime() < run.deadline) {
                        connected.channel().eventLoop().schedule(this::connect, 100, TimeUnit.MILLISECONDS);
                    } else {
                        finish();
                    }
                }
            });
        }

        void begin() {
            if (channel != null) {
                channel.eventLoop().execute(this::sendNext);
            }
        }

        private void sendNext() {
            long now = System.nanoTime();
            long sequence = n - run.firstRequest;
            long dueAt = run.interval > 0 ? run.start + sequence * run.interval : now;
            if (sequence >= run.options.requests() || dueAt >= run.deadline || now >= run.deadline) {
                finish();
                return;
            }
            if (dueAt > now) {
                channel.eventLoop().schedule(this::sendNext, dueAt - now, TimeUnit.NANOSECONDS);
                return;
            }
            Scenarios.Call call = run.scenario.call(n);
            n += run.options.concurrency();
            due = dueAt;
            units = call.units();
            inFlight = true;
            run.sent.increment();
            channel.writeAndFlush(request(call));
        }

        private FullHttpRequest request(Scenarios.Call call) {
            FullHttpRequest request = call.body() == null
                    ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, call.path())
                    : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, call.path(),
                            Unpooled.wrappedBuffer(call.body()));
            HttpHeaders headers = request.headers();
            headers.set(HttpHeaderNames.HOST, run.host + ":" + run.port);
            if (call.body() != null) {
                headers.set(HttpHeaderNames.CONTENT_TYPE, call.contentType());
                headers.setInt(HttpHeaderNames.CONTENT_LENGTH, call.body().length);
            }
            if (!run.options.token().isEmpty()) {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + run.options.token());
            }
            return request;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            long now = System.nanoTime();
            inFlight = false;
            int status = response.status().code();
            run.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status / 100 == 2) {
                run.units.add(units);
            }
            run.latency.recordValue(Math.max(0, (now - due) / 1000));
            run.lastAnswer.accumulateAndGet(now, Math::max);
            sendNext();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (inFlight) {
                inFlight = false;
                run.failures.increment();
            }
            if (!finished) {
                connect();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void finish() {
            if (!finished) {
                finished = true;
                if (channel != null) {
                    channel.close();
                }
                run.done.countDown();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
