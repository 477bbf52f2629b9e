package org.culturekit.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Jackson's YAML factory with parsers that refuse every YAML anchor ({@code &name}) and alias ({@code *name})
 * at the place it is written.
 *
 * <p>{@link YAMLParser#getObjectId()} is not enough: it reports anchors on mappings, lists and keys but drops
 * those on scalar values. So the parsers look at each SnakeYAML event through {@link YAMLParser#getEvent()},
 * the hook Jackson provides for this. Refusing the first anchor also makes billion-laughs documents fail at
 * once, whatever the alias limits.
 */
final class AnchorRefusingYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    AnchorRefusingYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) {
        return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    // Every way in goes through the Reader variant, so no parser escapes the check.

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext context) throws IOException {
        return _createParser(_createReader(in, null, context), context);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) {
        return _createParser(new CharArrayReader(data, offset, length), context);
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return _createParser(_createReader(data, offset, length, null, context), context);
    }

    /** The refusal of an anchor or alias, located where it is written. */
    static final class RefusedAnchor extends JsonParseException {
        private static final long serialVersionUID = 1L;

        RefusedAnchor(YAMLParser parser, String message, JsonLocation location) {
            super(parser, message, location);
        }
    }

    private static final class Parser extends YAMLParser {
        Parser(IOContext context, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
                Reader reader) {
            super(context, features, yamlFeatures, options, codec, reader);
        }

        @Override
        protected Event getEvent() throws IOException {
            Event event = super.getEvent();
            if (event instanceof AliasEvent) {
                throw new RefusedAnchor(this, "YAML aliases (*name) are not allowed; write the value out in full",
                        _locationFor(event.getStartMark()));
            }
            if (event instanceof NodeEvent node && node.getAnchor() != null) {
                throw new RefusedAnchor(this, "YAML anchors (&name) are not allowed; remove the anchor and write"
                        + " repeated values out in full", _locationFor(event.getStartMark()));
            }
            return event;
        }
    }
}
