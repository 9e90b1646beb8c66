package com.rapport.platform.eventstore;

import com.rapport.events.EventType;
import com.rapport.events.PublishedLanguage;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's Jackson 3 serializer, storing published events under their stable external name and
 * revision ({@code rapport.accounts.account-opened}, 1) instead of the Java class name.
 * Everything else (tokens, metadata) keeps Axon's class-name typing.
 * <p>
 * A published event is read only with every field of its revision present (null or not): one
 * that lacks a field was stored in an older revision and must be upcast first, rather than
 * silently read with the field null.
 */
public final class PublishedLanguageSerializer extends Jackson3Serializer {

    private PublishedLanguageSerializer(Builder builder) {
        super(builder);
    }

    public static PublishedLanguageSerializer create() {
        Builder builder = Jackson3Serializer.builder()
                .revisionResolver(new PublishedRevision())
                // Tracking tokens are polymorphic (a ReplayToken wraps the token it was reset
                // from); Jackson 3 refuses such types unless their packages are allowed.
                .jsonMapperBuilderCustomizer(mapper -> mapper.polymorphicTypeValidator(
                        BasicPolymorphicTypeValidator.builder()
                                .allowIfSubType("org.axonframework.")
                                .allowIfSubType("com.rapport.")
                                .allowIfSubType("java.util.")
                                .build()))
                .defaultTyping();
        return new PublishedLanguageSerializer(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return PublishedLanguage.describe(type)
                .<SerializedType>map(published -> new SimpleSerializedType(published.name(), String.valueOf(published.revision())))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        ObjectReader reader = super.getReader(type);
        return PublishedLanguage.describe(type).isPresent()
                ? reader.with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                : reader;
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return PublishedLanguage.typeNamed(serializedType.getName())
                .map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }

    private static final class PublishedRevision implements RevisionResolver {
        @Override
        public String revisionOf(Class<?> payloadType) {
            return PublishedLanguage.describe(payloadType).map(EventType::revision).map(String::valueOf).orElse(null);
        }
    }
}
