package care.sciatica.intake.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a calendar date written as YYYY-MM-DD, and says so when it is written any other way. */
public class IsoDate extends StdDeserializer<LocalDate> {

    public IsoDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText().trim() : null;
        try {
            if (text != null) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // refused below, with the value as it was sent
        }
        String shown = text != null ? "'" + text + "'" : parser.currentToken().isScalarValue() ? parser.getText() : "this";
        throw JsonMappingException.from(parser, shown + " is not a date; write it as YYYY-MM-DD");
    }
}
