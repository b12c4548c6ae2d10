/**
 * Local dependencies: the project's private PostgreSQL and Redis, on loopback and on project ports,
 * for developers, tests and the benchmark harness, without Docker. {@link
 * com.flashdeal.localdeps.LocalDeps} is the entry point; {@link
 * com.flashdeal.localdeps.LocalDepsCli} is what {@code make deps-up} runs.
 */
package com.flashdeal.localdeps;
