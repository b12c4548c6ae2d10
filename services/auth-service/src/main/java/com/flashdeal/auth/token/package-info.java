/**
 * Access tokens: password login, RS256 signing with a key from configuration (or a loudly announced
 * throw-away dev key), and the JWKS every verifier fetches.
 */
package com.flashdeal.auth.token;
