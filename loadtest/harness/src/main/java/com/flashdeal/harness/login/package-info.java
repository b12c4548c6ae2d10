/** The knee of login: Argon2id on auth-service, the same in every variant. */
package com.flashdeal.harness.login;
