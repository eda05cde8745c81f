package dev.accessgate.benchmarks;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * A no-op HTTP/1.1 server on loopback, on Netty (the transport under Micronaut) with as many
 * event loops as cores: reads the whole request (GET or POST, body aggregated up to 1 MB),
 * answers a fixed 16-byte JSON. The ceiling of any HTTP endpoint on this machine: what is left
 * of it is what routing, JSON, authentication and SQLite cost.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.accessgate.benchmarks.NoopHttpServer PORT</pre>
 */
public final class NoopHttpServer {

    private static final byte[] BODY = "{\"blocked\":false}".getBytes(StandardCharsets.UTF_8);

    private NoopHttpServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                    new SimpleChannelInboundHandler<FullHttpRequest>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                            FullHttpResponse response = new DefaultFullHttpResponse(
                                                    HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                                                    Unpooled.wrappedBuffer(BODY));
                                            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                                            HttpUtil.setContentLength(response, BODY.length);
                                            HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
                                            ctx.writeAndFlush(response);
                                        }
                                    });
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), port).sync().channel();
            System.out.println("no-op server on http://127.0.0.1:" + port);
            channel.closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }
}
