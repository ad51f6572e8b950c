package org.switchboard.acd.rest;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.Skill;
import org.switchboard.api.rest.ProblemException;

/** Refuses skill names that are not in the skill catalogue, naming the JSON field and the skills. */
final class SkillNames {

    private SkillNames() {
    }

    static void requireKnown(AcdConfigStore config, String field, Collection<String> names) {
        if (names.isEmpty()) {
            // Most contacts require no skill: they cost no database read.
            return;
        }
        List<String> unknown = unknown(names, config.skills());
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(field, message(unknown));
        }
    }

    /** The names not in the catalogue, each once, in order of name. */
    static List<String> unknown(Collection<String> names, Collection<Skill> catalogue) {
        Set<String> known = catalogue.stream().map(Skill::name).collect(Collectors.toSet());
        return names.stream().filter(name -> !known.contains(name)).distinct().sorted().toList();
    }

    static String message(List<String> unknown) {
        String quoted = unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return unknown.size() == 1
                ? "Skill " + quoted + " is not in the skill catalogue; add it with PUT /api/v1/skills/" + unknown.get(0)
                : "Skills " + quoted + " are not in the skill catalogue; add them with PUT /api/v1/skills/{name}";
    }
}
