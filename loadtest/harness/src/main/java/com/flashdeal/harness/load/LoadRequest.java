package com.flashdeal.harness.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * One k6 run.
 *
 * @param gateway the gateway as the harness reaches it (a Job uses the in-cluster address instead)
 * @param usersFile the users k6 may use (email, password, access token), written by the harness
 * @param env the scenario's settings (RATE, DEAL_ID, PRE_VUS, ...), as environment variables
 * @param expectedSeconds how long the scenario runs when the system keeps up (timeouts scale on it)
 */
public record LoadRequest(
    Scenario scenario, URI gateway, Path usersFile, Map<String, String> env, int expectedSeconds) {}
