package com.flashdeal.localdeps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL refuses to run as root, and CI runs as root: there the server runs as an unprivileged
 * user (normally the system {@code postgres} user) through {@code runuser}. As a normal user
 * everything runs as that user.
 *
 * @param user the user to switch to, or null to run as ourselves
 */
record RunAs(String user) {

  static final RunAs SELF = new RunAs(null);

  static RunAs detect(String configuredUser) {
    if (!isRoot()) {
      return SELF;
    }
    if (!Processes.run(List.of("id", "-u", configuredUser), Duration.ofSeconds(5)).ok()) {
      throw new DepsException(
          "running as root, but PostgreSQL refuses to run as root and there is no user '"
              + configuredUser
              + "' to run it as. Create one (useradd --system --no-create-home "
              + configuredUser
              + "), set FLASHDEAL_DEPS_RUN_AS to an existing unprivileged user, or run as a normal user.");
    }
    if (!Processes.run(List.of("runuser", "--help"), Duration.ofSeconds(5)).ok()) {
      throw new DepsException(
          "running as root needs 'runuser' (util-linux) to start PostgreSQL as " + configuredUser);
    }
    return new RunAs(configuredUser);
  }

  static boolean isRoot() {
    return "0".equals(Processes.run(List.of("id", "-u"), Duration.ofSeconds(5)).output().strip());
  }

  List<String> wrap(List<String> command) {
    if (user == null) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Hands a folder (recursively) to the run-as user; a no-op when running as ourselves. */
  void own(Path dir) {
    if (user == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      UserPrincipal principal =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
      for (Path p : paths.toList()) {
        Files.setOwner(p, principal);
      }
    } catch (IOException e) {
      throw new DepsException("cannot hand " + dir + " to user " + user + ": " + e.getMessage(), e);
    }
  }
}
