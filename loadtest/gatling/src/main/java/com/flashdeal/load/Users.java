package com.flashdeal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeded buyers the harness wrote before the run (email, password, a valid access token each):
 * logging in never costs anything inside a measured window.
 */
public final class Users {
  /** One buyer; {@code authorization} is the header value, built once. */
  public record User(String email, String password, String authorization) {}

  private Users() {}

  public static List<User> read(Path file) {
    try {
      JsonNode all = new ObjectMapper().readTree(file.toFile());
      List<User> users = new ArrayList<>(all.size());
      for (JsonNode u : all) {
        users.add(
            new User(
                u.path("email").asText(),
                u.path("password").asText(),
                "Bearer " + u.path("token").asText()));
      }
      if (users.isEmpty()) {
        throw new IllegalArgumentException("no users in " + file);
      }
      return List.copyOf(users);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the users file " + file, e);
    }
  }
}
