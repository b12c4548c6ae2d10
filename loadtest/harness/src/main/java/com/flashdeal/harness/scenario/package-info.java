/**
 * Scenarios as plug-ins: the interface, the registry, the settings and option map, and the {@link
 * com.flashdeal.harness.scenario.Lab} every run gets.
 */
package com.flashdeal.harness.scenario;
