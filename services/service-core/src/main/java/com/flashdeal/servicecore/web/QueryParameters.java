package com.flashdeal.servicecore.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every query parameter of the contract is a single value: one given twice ({@code ?page=&page=x})
 * or without a value ({@code ?page=}) is refused with 400 {@code VALIDATION_FAILED}. Frameworks
 * bind the first occurrence and read an empty value as "absent", so such a request used to be
 * answered 200 with defaults (schemathesis found it). Each stack's filter reads the raw query
 * string (never a parameter map, which could consume a form body).
 */
public final class QueryParameters {
  private QueryParameters() {}

  /** What is wrong with a raw query string; empty when nothing is. */
  public static List<String> problems(String query) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue; // "a=1&&b=2": no parameter there
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!seen.add(name)) {
        problems.add(name + " is given more than once");
      } else if (value.isEmpty()) {
        problems.add(name + " has no value");
      }
    }
    return problems;
  }

  /** The 400's detail for these problems. */
  public static String detail(List<String> problems) {
    return "Query parameters: " + String.join("; ", problems) + ".";
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a broken %-escape: the name is still worth reporting as given
    }
  }
}
