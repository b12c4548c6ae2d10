package com.flashdeal.product;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code flashdeal.product.*}.
 *
 * @param stockStrategy how a reservation takes units from a deal: {@code db-atomic} (default),
 *     {@code db-lock}, or the deliberately unsafe {@code naive} demonstrator ({@code
 *     FLASHDEAL_PRODUCT_STOCK_STRATEGY})
 */
@ConfigurationProperties("flashdeal.product")
public record ProductProperties(@DefaultValue("db-atomic") String stockStrategy) {}
