package entrycheck.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import entrycheck.ir.Program;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the versioned JSON trace format (docs/TRACE-FORMAT.md). Writing is
 * deterministic: the same trace always gives the same bytes. Reading validates the whole file
 * and names the first thing that does not fit.
 */
public final class TraceJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private TraceJson() { }

    public static String toJson(TraceDocument d) {
        StringWriter w = new StringWriter();
        try {
            write(d, w);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return w.toString();
    }

    public static void write(TraceDocument d, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", TraceDocument.FORMAT);
            g.writeNumberField("version", d.version());
            g.writeObjectFieldStart("model");
            g.writeStringField("name", d.model());
            g.writeStringField("sourceHash", d.sourceHash());
            g.writeObjectFieldStart("constants");
            for (Map.Entry<String, Integer> c : new java.util.TreeMap<>(d.constants()).entrySet()) {
                g.writeNumberField(c.getKey(), c.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            TraceDocument.PropertyInfo p = d.property();
            g.writeObjectFieldStart("property");
            g.writeStringField("name", p.name());
            g.writeStringField("kind", p.kind());
            g.writeStringField("description", p.description());
            g.writeStringField("source", p.source());
            g.writeStringField("expect", p.expect());
            g.writeEndObject();
            g.writeStringField("message", d.message());
            if (d.loopStart() >= 0) g.writeNumberField("loopStart", d.loopStart());
            else g.writeNullField("loopStart");
            g.writeArrayFieldStart("vars");
            for (TraceDocument.VarInfo v : d.vars()) {
                g.writeStartObject();
                g.writeStringField("name", v.name());
                g.writeStringField("type", v.type());
                if (v.isEnum()) {
                    g.writeArrayFieldStart("values");
                    for (String s : v.enumValues()) g.writeString(s);
                    g.writeEndArray();
                } else if (!v.isBool()) {
                    g.writeNumberField("lo", v.lo());
                    g.writeNumberField("hi", v.hi());
                }
                g.writeStringField("role", v.role());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (d.memory() != null) writeMemory(g, d.memory());
            g.writeArrayFieldStart("steps");
            for (TraceDocument.StepInfo s : d.steps()) {
                g.writeStartObject();
                g.writeNumberField("index", s.index());
                g.writeStringField("action", s.action());
                g.writeStringField("kind", s.kind());
                g.writeStringField("vector", s.vector());
                g.writeNumberField("depth", s.depth());
                g.writeNumberField("level", s.level());
                g.writeStringField("source", s.source());
                g.writeArrayFieldStart("changed");
                for (int i : s.changed()) g.writeString(d.vars().get(i).name());
                g.writeEndArray();
                g.writeObjectFieldStart("state");
                for (int i = 0; i < d.vars().size(); i++) {
                    TraceDocument.VarInfo v = d.vars().get(i);
                    int val = s.values()[i];
                    if (v.isBool()) g.writeBooleanField(v.name(), val != 0);
                    else if (v.isEnum()) g.writeStringField(v.name(), v.format(val));
                    else g.writeNumberField(v.name(), val);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** Parses and validates a trace file's text. */
    public static TraceDocument read(String json) throws TraceFormatException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
            throw new TraceFormatException(where + "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new TraceFormatException("not a trace file: expected a JSON object");
        if (!TraceDocument.FORMAT.equals(text(root, "format"))) {
            throw new TraceFormatException("not an entrycheck trace file (\"format\" is not \"" + TraceDocument.FORMAT + "\")");
        }
        int version = integer(root, "version");
        if (version != TraceDocument.VERSION) {
            throw new TraceFormatException("trace format version " + version + " is not supported (this entrycheck reads version "
                    + TraceDocument.VERSION + ")");
        }
        JsonNode model = object(root, "model");
        Map<String, Integer> constants = new LinkedHashMap<>();
        JsonNode cs = object(model, "constants");
        for (Iterator<Map.Entry<String, JsonNode>> it = cs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt()) throw new TraceFormatException("model.constants." + e.getKey() + ": expected an integer");
            constants.put(e.getKey(), e.getValue().intValue());
        }
        JsonNode prop = object(root, "property");
        TraceDocument.PropertyInfo pi = new TraceDocument.PropertyInfo(text(prop, "name"), text(prop, "kind"),
                text(prop, "description"), text(prop, "source"), text(prop, "expect"));
        JsonNode loop = root.get("loopStart");
        int loopStart = loop == null || loop.isNull() ? -1 : integer(root, "loopStart");
        List<TraceDocument.VarInfo> vars = new ArrayList<>();
        Map<String, Integer> varIndex = new LinkedHashMap<>();
        for (JsonNode v : array(root, "vars")) {
            String name = text(v, "name");
            String type = text(v, "type");
            List<String> values = new ArrayList<>();
            int lo;
            int hi;
            if (v.has("values")) {
                for (JsonNode e : array(v, "values")) values.add(e.asText());
                lo = 0;
                hi = values.size() - 1;
            } else if (type.equals("bool")) {
                lo = 0;
                hi = 1;
            } else {
                lo = integer(v, "lo");
                hi = integer(v, "hi");
            }
            if (varIndex.put(name, vars.size()) != null) throw new TraceFormatException("vars: duplicate variable '" + name + "'");
            vars.add(new TraceDocument.VarInfo(name, type, lo, hi, values, text(v, "role")));
        }
        List<TraceDocument.StepInfo> steps = new ArrayList<>();
        int expected = 0;
        for (JsonNode s : array(root, "steps")) {
            int index = integer(s, "index");
            if (index != expected) throw new TraceFormatException("steps[" + expected + "]: index is " + index + ", expected " + expected);
            JsonNode st = object(s, "state");
            int[] values = new int[vars.size()];
            for (int i = 0; i < vars.size(); i++) {
                TraceDocument.VarInfo v = vars.get(i);
                JsonNode n = st.get(v.name());
                String where = "steps[" + index + "].state." + v.name();
                if (n == null) throw new TraceFormatException(where + ": missing");
                values[i] = decodeValue(v, n, where);
            }
            if (st.size() != vars.size()) throw new TraceFormatException("steps[" + index + "].state: has variables that are not declared in vars");
            List<Integer> changed = new ArrayList<>();
            for (JsonNode c : array(s, "changed")) {
                Integer ix = varIndex.get(c.asText());
                if (ix == null) throw new TraceFormatException("steps[" + index + "].changed: unknown variable '" + c.asText() + "'");
                changed.add(ix);
            }
            steps.add(new TraceDocument.StepInfo(index, text(s, "action"), text(s, "kind"), text(s, "vector"),
                    integer(s, "depth"), integer(s, "level"), text(s, "source"), values,
                    changed.stream().mapToInt(Integer::intValue).toArray()));
            expected++;
        }
        if (steps.isEmpty()) throw new TraceFormatException("steps: a trace has at least the initial state");
        Program.Memory memory = root.has("memory") ? readMemory(root.get("memory"), vars.size()) : null;
        return new TraceDocument(version, text(model, "name"), text(model, "sourceHash"), constants, pi,
                text(root, "message"), loopStart, vars, steps, memory);
    }

    private static void writeMemory(JsonGenerator g, Program.Memory m) throws IOException {
        g.writeObjectFieldStart("memory");
        g.writeArrayFieldStart("frame");
        for (Program.Field f : m.frame()) writeField(g, f);
        g.writeEndArray();
        g.writeArrayFieldStart("stacks");
        for (Program.Stack s : m.stacks()) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeBooleanField("ist", s.ist());
            g.writeArrayFieldStart("slots");
            for (Program.Slot slot : s.slots()) {
                g.writeStartObject();
                g.writeNumberField("owner", slot.owner());
                g.writeArrayFieldStart("fields");
                for (Program.Field f : slot.fields()) writeField(g, f);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("cells");
            for (Program.Cell c : s.cells()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                g.writeBooleanField("frame", c.isFrame());
                g.writeNumberField("owner", c.owner());
                g.writeArrayFieldStart("fields");
                for (Program.Field f : c.fields()) writeField(g, f);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeField(JsonGenerator g, Program.Field f) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeStringField("region", f.region());
        g.writeNumberField("var", f.var());
        g.writeNumberField("size", f.size());
        g.writeNumberField("align", f.align());
        g.writeEndObject();
    }

    private static Program.Memory readMemory(JsonNode m, int nvars) throws TraceFormatException {
        List<Program.Field> frame = new ArrayList<>();
        for (JsonNode f : array(m, "frame")) frame.add(readField(f, nvars));
        List<Program.Stack> stacks = new ArrayList<>();
        for (JsonNode s : array(m, "stacks")) {
            List<Program.Slot> slots = new ArrayList<>();
            for (JsonNode slot : array(s, "slots")) {
                List<Program.Field> fs = new ArrayList<>();
                for (JsonNode f : array(slot, "fields")) fs.add(readField(f, nvars));
                slots.add(new Program.Slot(varRef(slot, "owner", nvars), fs));
            }
            List<Program.Cell> cells = new ArrayList<>();
            for (JsonNode c : array(s, "cells")) {
                List<Program.Field> fs = new ArrayList<>();
                for (JsonNode f : array(c, "fields")) fs.add(readField(f, nvars));
                cells.add(new Program.Cell(text(c, "name"), c.path("frame").asBoolean(), varRef(c, "owner", nvars), fs));
            }
            stacks.add(new Program.Stack(text(s, "name"), s.path("ist").asBoolean(), slots, cells));
        }
        return new Program.Memory(frame, stacks);
    }

    private static Program.Field readField(JsonNode f, int nvars) throws TraceFormatException {
        return new Program.Field(text(f, "name"), text(f, "region"), varRef(f, "var", nvars), integer(f, "size"), integer(f, "align"));
    }

    private static int varRef(JsonNode n, String field, int nvars) throws TraceFormatException {
        int v = integer(n, field);
        if (v < -1 || v >= nvars) throw new TraceFormatException("memory: variable index " + v + " out of range");
        return v;
    }

    private static int decodeValue(TraceDocument.VarInfo v, JsonNode n, String where) throws TraceFormatException {
        int val;
        if (v.isBool()) {
            if (!n.isBoolean()) throw new TraceFormatException(where + ": expected true or false");
            return n.booleanValue() ? 1 : 0;
        } else if (v.isEnum()) {
            val = v.enumValues().indexOf(n.asText());
            if (!n.isTextual() || val < 0) throw new TraceFormatException(where + ": '" + n.asText() + "' is not a value of " + v.type());
            return val;
        }
        if (!n.canConvertToInt()) throw new TraceFormatException(where + ": expected an integer");
        val = n.intValue();
        if (val < v.lo() || val > v.hi()) throw new TraceFormatException(where + ": " + val + " is outside " + v.type());
        return val;
    }

    private static JsonNode object(JsonNode n, String field) throws TraceFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) throw new TraceFormatException("missing object field \"" + field + "\"");
        return v;
    }

    private static JsonNode array(JsonNode n, String field) throws TraceFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) throw new TraceFormatException("missing array field \"" + field + "\"");
        return v;
    }

    private static String text(JsonNode n, String field) throws TraceFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) throw new TraceFormatException("missing string field \"" + field + "\"");
        return v.asText();
    }

    private static int integer(JsonNode n, String field) throws TraceFormatException {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) throw new TraceFormatException("missing integer field \"" + field + "\"");
        return v.intValue();
    }
}
