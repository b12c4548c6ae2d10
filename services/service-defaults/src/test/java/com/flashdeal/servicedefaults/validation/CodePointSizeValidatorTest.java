package com.flashdeal.servicedefaults.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.junit.jupiter.api.Test;

class CodePointSizeValidatorTest {

  record Signup(@Size(min = 12, max = 16) String password, @Size(max = 2) List<String> tags) {}

  private static Validator validator() {
    HibernateValidatorConfiguration config =
        Validation.byProvider(HibernateValidator.class).configure();
    ConstraintMapping mapping = config.createConstraintMapping();
    mapping
        .constraintDefinition(Size.class)
        .includeExistingValidators(true)
        .validatedBy(CodePointSizeValidator.class);
    return config.addMapping(mapping).buildValidatorFactory().getValidator();
  }

  @Test
  void textIsCountedInCharactersAndCollectionsStillInElements() {
    Validator v = validator();
    String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
    assertThat(v.validate(new Signup("a".repeat(10) + emoji, List.of())))
        .as("11 characters (12 UTF-16 units) are too short for 12")
        .hasSize(1);
    assertThat(v.validate(new Signup(emoji.repeat(16), List.of())))
        .as("16 characters (32 UTF-16 units) fit 16")
        .isEmpty();
    assertThat(v.validate(new Signup("a".repeat(12), List.of("x", "y", "z")))).hasSize(1);
  }
}
