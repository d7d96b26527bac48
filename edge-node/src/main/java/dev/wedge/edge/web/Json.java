package dev.wedge.edge.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The API's JSON mapping: records as objects, instants and dates as ISO-8601 text, an empty Optional as null. */
final class Json {

    static final ObjectMapper MAPPER = create();

    private Json() {
    }

    private static ObjectMapper create() {
        SimpleModule m = new SimpleModule("wedge-api");
        m.addSerializer(Instant.class, ToStringSerializer.instance);
        m.addSerializer(LocalDate.class, ToStringSerializer.instance);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Optional<?>> optional = (Class) Optional.class;
        m.addSerializer(optional, new JsonSerializer<>() {
            @Override
            public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider p) throws IOException {
                if (value.isPresent()) {
                    p.defaultSerializeValue(value.get(), gen);
                } else {
                    gen.writeNull();
                }
            }
        });
        return new ObjectMapper().registerModule(m).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
