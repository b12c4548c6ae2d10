package com.flashdeal.servicedefaults.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on text counted in characters (Unicode code points), as JSON Schema's {@code
 * minLength}/{@code maxLength} count them, not in UTF-16 units as {@link String#length()} does: a
 * password of 11 characters, one of them outside the Basic Multilingual Plane (an emoji, a rare CJK
 * ideograph), is 12 UTF-16 units and passed a {@code minLength: 12} that the contract refuses
 * (schemathesis found it); 128 such characters failed a {@code maxLength: 128} it allows. Declared
 * for {@code String}, so it takes precedence over Hibernate Validator's own for {@code
 * CharSequence}, whose validators for collections, maps and arrays stay.
 */
public class CodePointSizeValidator implements ConstraintValidator<Size, String> {
  private int min;
  private int max;

  @Override
  public void initialize(Size size) {
    this.min = size.min();
    this.max = size.max();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true; // @NotNull's business
    }
    int characters = value.codePointCount(0, value.length());
    return characters >= min && characters <= max;
  }
}
