package com.flashdeal.order.micronaut.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * With {@code flashdeal.http.internal-port} set, the server listens on two ports, as the Spring
 * services do (an extra Tomcat connector): the main one and the internal API's ({@link Guard} keeps
 * each API on its own port). Ports are what a NetworkPolicy can tell apart.
 */
@Singleton
class InternalListener implements BeanCreatedEventListener<NettyHttpServerConfiguration> {
  private final int mainPort;
  private final int internalPort;

  InternalListener(
      @Property(name = "micronaut.server.port") int mainPort,
      @Property(name = "flashdeal.http.internal-port") int internalPort) {
    this.mainPort = mainPort;
    this.internalPort = internalPort;
  }

  @Override
  public NettyHttpServerConfiguration onCreated(
      BeanCreatedEvent<NettyHttpServerConfiguration> event) {
    NettyHttpServerConfiguration config = event.getBean();
    if (internalPort > 0) {
      config.setListeners(
          List.of(
              NettyHttpServerConfiguration.NettyListenerConfiguration.createTcp(
                  null, mainPort, false, null, null),
              NettyHttpServerConfiguration.NettyListenerConfiguration.createTcp(
                  null, internalPort, false, null, null)));
    }
    return config;
  }
}
