/**
 * Accounts: signup with a password policy, and "who am I". Passwords are stored as Argon2id hashes
 * only.
 */
package com.flashdeal.auth.account;
