package com.flashdeal.servicedefaults.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON read as the contracts type it. An explicit {@code null} is a 400 (the contracts declare
 * nothing nullable), and so is {@code false} or {@code 3} for a string, {@code "1"} for a number
 * and {@code 0} for a date-time, and a repeated item in a {@code uniqueItems} array. Jackson would
 * read them as absent, "false", "3", 1 and 1970-01-01T00:00Z; schemathesis found {@code
 * "description": null}, {@code "description": false} accepted by POST /products and {@code
 * "startsAt": 0} by POST /deals.
 */
public final class StrictJson {
  private StrictJson() {}

  public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
    return builder
        .changeDefaultNullHandling(v -> JsonSetter.Value.forValueNulls(Nulls.FAIL))
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        // java.time's readers take numbers as epoch seconds whatever the coercion settings say, and
        // a Set drops a repeated item: both need a reader of their own (below).
        .addModule(
            new SimpleModule("flashdeal-strict-json").setDeserializerModifier(STRICT_SHAPES));
  }

  private static final ValueDeserializerModifier STRICT_SHAPES =
      new ValueDeserializerModifier() {
        private static final long serialVersionUID = 1L;

        @Override
        public ValueDeserializer<?> modifyCollectionDeserializer(
            DeserializationConfig config,
            CollectionType type,
            BeanDescription.Supplier description,
            ValueDeserializer<?> deserializer) {
          return Set.class.isAssignableFrom(type.getRawClass())
              ? new UniqueItems(deserializer, type.getContentType())
              : deserializer;
        }

        @Override
        public ValueDeserializer<?> modifyDeserializer(
            DeserializationConfig config,
            BeanDescription.Supplier description,
            ValueDeserializer<?> deserializer) {
          return Temporal.class.isAssignableFrom(description.getBeanClass())
              ? new TextDateTime(deserializer)
              : deserializer;
        }
      };

  /**
   * The contracts' {@code uniqueItems: true} arrays are {@code Set}s in the generated models, and a
   * Set silently drops a repeated item; the contract calls such an array invalid, so it is a 400.
   */
  private static final class UniqueItems extends DelegatingDeserializer {
    private final JavaType itemType;

    UniqueItems(ValueDeserializer<?> delegate, JavaType itemType) {
      super(delegate);
      this.itemType = itemType;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new UniqueItems(delegate, itemType);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) {
      if (!p.isExpectedStartArrayToken()) {
        return super.deserialize(p, context);
      }
      List<?> items =
          context.readValue(
              p, context.getTypeFactory().constructCollectionType(List.class, itemType));
      Set<Object> unique = new LinkedHashSet<>(items);
      if (unique.size() != items.size()) {
        return context.reportInputMismatch(this, "the items of this array must be unique");
      }
      return unique;
    }
  }

  /** A date-time reader that takes the contract's {@code format: date-time} strings only. */
  private static final class TextDateTime extends DelegatingDeserializer {
    TextDateTime(ValueDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
      return new TextDateTime(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return context.handleUnexpectedToken(handledType(), p);
      }
      return super.deserialize(p, context);
    }
  }
}
