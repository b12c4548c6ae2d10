package com.flashdeal.servicedefaults.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.http.*}.
 *
 * @param maxBodyBytes request bodies above this are refused with 413 ({@code
 *     FLASHDEAL_HTTP_MAXBODYBYTES})
 */
@ConfigurationProperties("flashdeal.http")
public record HttpProperties(@DefaultValue("65536") long maxBodyBytes) {}
