/**
 * The local platform: the whole Flash Deal system as JVM processes on the private deps, no Docker.
 * {@link com.flashdeal.launcher.Launcher} is the library entry point (E2E suite, benchmark
 * harness); {@link com.flashdeal.launcher.LauncherCli} is what {@code make up} / {@code make down}
 * run.
 */
package com.flashdeal.launcher;
