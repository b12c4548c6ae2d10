package com.flashdeal.servicedefaults.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {
  record Text(String value) {}

  record Count(Integer value) {}

  record At(OffsetDateTime value) {}

  record Ids(Set<Integer> value) {}

  /** The generated models' shape: a bean with setters. */
  static class AtBean {
    private OffsetDateTime value;

    public OffsetDateTime getValue() {
      return value;
    }

    public void setValue(OffsetDateTime value) {
      this.value = value;
    }
  }

  private final JsonMapper json = StrictJson.apply(JsonMapper.builder()).build();

  @Test
  void valuesOfTheContractsTypesAreRead() {
    assertThat(json.readValue("{\"value\":\"a\"}", Text.class)).isEqualTo(new Text("a"));
    assertThat(json.readValue("{\"value\":2}", Count.class)).isEqualTo(new Count(2));
    assertThat(json.readValue("{\"value\":[3,1,2]}", Ids.class).value()).containsExactly(3, 1, 2);
    assertThat(json.readValue("{\"value\":\"2026-11-24T10:00:00Z\"}", At.class))
        .isEqualTo(new At(OffsetDateTime.parse("2026-11-24T10:00:00Z")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Text  | null",
        "Text  | false",
        "Text  | 3",
        "Text  | 1.5",
        "Count | '\"1\"'",
        "Count | null",
        "At    | 0",
        "At    | 1764000000.5",
        "At    | null",
        "AtBean | 0",
        "AtBean | 1764000000.5",
        "Ids   | '[1,2,1]'"
      })
  void valuesOfAnotherTypeAreRefused(String type, String value) {
    Class<?> target =
        switch (type) {
          case "Text" -> Text.class;
          case "Count" -> Count.class;
          case "AtBean" -> AtBean.class;
          case "Ids" -> Ids.class;
          default -> At.class;
        };
    assertThatThrownBy(() -> json.readValue("{\"value\":" + value + "}", target))
        .isInstanceOf(JacksonException.class);
  }
}
