package io.racklet.protocol.resource;

import io.racklet.config.ConfigException;
import java.util.List;
import java.util.stream.Collectors;

/** A rack spec with problems; carries every problem found, not just the first. */
public class SpecException extends ConfigException {
    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
