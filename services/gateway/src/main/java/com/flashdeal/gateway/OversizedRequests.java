package com.flashdeal.gateway;

import com.flashdeal.contract.common.model.ErrorCode;
import com.flashdeal.servicecore.problem.ProblemBodies;
import com.flashdeal.servicedefaults.problem.Problems;
import com.flashdeal.servicedefaults.web.RequestIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request line or headers longer than the gateway reads with the contract's problem+json
 * (414 / 431 {@code REQUEST_TOO_LARGE}). Reactor Netty would answer them itself, with an empty
 * body, before any WebFilter runs: the HTTP decoder rejects the request and only a handler right
 * behind it in the channel pipeline sees the failure. A fuzzer's long query string found it.
 */
@Component
class OversizedRequests implements NettyServerCustomizer {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final long maxLine;
  private final long maxHeaders;

  OversizedRequests(
      @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxLine,
      @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
    this.maxLine = maxLine.toBytes();
    this.maxHeaders = maxHeaders.toBytes();
  }

  @Override
  public HttpServer apply(HttpServer server) {
    return server.doOnChannelInit(
        (observer, channel, remoteAddress) -> {
          if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
            channel
                .pipeline()
                .addAfter(NettyPipeline.HttpCodec, "flashdeal.oversizedRequests", new Handler());
          }
        });
  }

  private final class Handler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof HttpObject object) || object.decoderResult().isSuccess()) {
        ctx.fireChannelRead(msg);
        return;
      }
      Throwable cause = object.decoderResult().cause();
      ReferenceCountUtil.release(msg);
      // After a decoding failure the codec discards the rest of the connection: answer and close.
      ctx.writeAndFlush(answer(cause)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  FullHttpResponse answer(Throwable cause) {
    HttpResponseStatus status;
    String detail;
    if (cause instanceof TooLongHttpLineException) {
      status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
      detail = "The request line is longer than " + maxLine + " bytes.";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
      detail = "The request headers are longer than " + maxHeaders + " bytes.";
    } else {
      status = HttpResponseStatus.BAD_REQUEST;
      detail = "The request is not valid HTTP/1.1.";
    }
    ErrorCode code =
        status == HttpResponseStatus.BAD_REQUEST
            ? ErrorCode.MALFORMED_REQUEST
            : ErrorCode.REQUEST_TOO_LARGE;
    String requestId = RequestIds.acceptOrGenerate(null);
    byte[] body =
        JSON.writeValueAsBytes(
            ProblemBodies.body(status.code(), code, detail, null, requestId, null));
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .set(RequestIds.HEADER, requestId);
    return response;
  }
}
