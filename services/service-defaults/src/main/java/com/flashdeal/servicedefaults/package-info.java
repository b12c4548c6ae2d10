/**
 * What every Flash Deal service shares: errors as RFC 9457 problem+json with the contract's {@code
 * ErrorCode}, request ids, request body limits and JWT verification. Switched on by {@link
 * com.flashdeal.servicedefaults.ServiceDefaultsAutoConfiguration}.
 */
package com.flashdeal.servicedefaults;
