package io.racklet.protocol.resource;

/** One thing wrong in a rack spec, located as {@code file:line:column: message}. */
public record SpecProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
