/**
 * The default platform: the launcher's JVM processes on the private PostgreSQL and Redis, no
 * Docker.
 */
package com.flashdeal.harness.platform.local;
