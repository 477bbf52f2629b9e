package org.culturekit.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.text.Normalizer;

/**
 * An organisation tree over one segment's groups ({@code report --hierarchy FILE}), as read and checked: one root,
 * every unit with one parent, no cycles. The leaves are the units without children, which are groups of the
 * segment; the units above them are made of the leaves below them.
 *
 * @param file the file as the user named it
 * @param segment the questionnaire segment whose groups the leaves are
 * @param units every unit, parents before their children (the root first), children in file order
 */
public record Hierarchy(String file, String segment, List<Unit> units) {
    /**
     * One unit of the tree.
     *
     * @param id the unit's name; for a leaf, the group label as the reports show it
     * @param parent the parent's id, or null for the root
     * @param leader the leader's display name, or null when the file gives none
     * @param children the child units' ids, in file order
     * @param line the line of the file the unit is on
     */
    public record Unit(String id, String parent, String leader, List<String> children, long line) {
        public Unit {
            Objects.requireNonNull(id, "id");
            children = List.copyOf(children);
        }

        public boolean isLeaf() {
            return children.isEmpty();
        }

        public boolean isRoot() {
            return parent == null;
        }
    }

    public Hierarchy {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(segment, "segment");
        units = List.copyOf(units);
        if (units.isEmpty() || !units.get(0).isRoot()) {
            throw new IllegalArgumentException("the root comes first");
        }
    }

    public Unit root() {
        return units.get(0);
    }

    /** The unit named {@code id}, or null. */
    public Unit unit(String id) {
        for (Unit unit : units) {
            if (unit.id().equals(id)) {
                return unit;
            }
        }
        return null;
    }

    /** The units by id, in the order of {@link #units}. */
    public Map<String, Unit> byId() {
        Map<String, Unit> byId = new LinkedHashMap<>();
        units.forEach(unit -> byId.put(unit.id(), unit));
        return Collections.unmodifiableMap(byId);
    }

    /** The leaves, in the order of {@link #units}. */
    public List<Unit> leaves() {
        return units.stream().filter(Unit::isLeaf).toList();
    }

    /** How many units are above {@code id}: 0 for the root. */
    public int depth(String id) {
        return path(id).size() - 1;
    }

    /** {@code id} and the units above it, up to the root. */
    public List<String> path(String id) {
        Map<String, Unit> byId = byId();
        List<String> path = new ArrayList<>();
        for (Unit unit = byId.get(id); unit != null; unit = unit.isRoot() ? null : byId.get(unit.parent())) {
            path.add(unit.id());
        }
        return path;
    }

    /**
     * The leaves at or below {@code id}, in the order of {@link #units}: found by walking down from {@code id}
     * once, so that asking for every unit of a tree of many thousands stays quick.
     */
    public List<String> leavesUnder(String id) {
        Map<String, Unit> byId = byId();
        Set<String> below = new HashSet<>();
        List<String> next = new ArrayList<>(byId.containsKey(id) ? List.of(id) : List.of());
        while (!next.isEmpty()) {
            Unit unit = byId.get(next.remove(next.size() - 1));
            if (below.add(unit.id())) {
                next.addAll(unit.children());
            }
        }
        return leaves().stream().map(Unit::id).filter(below::contains).toList();
    }

    /**
     * A folder name for each unit: its id in lower-case ASCII letters, digits and single hyphens (accents
     * dropped), at most 60 characters, "unit" when nothing is left, made unique in the order of {@link #units} by
     * "-2", "-3"…, and never a name Windows reserves.
     */
    public Map<String, String> slugs() {
        Map<String, String> slugs = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Unit unit : units) {
            String base = slug(unit.id());
            String slug = base;
            for (int n = 2; !taken.add(slug); n++) {
                String suffix = "-" + n;
                slug = cut(base, MAX_SLUG - suffix.length()) + suffix;
            }
            slugs.put(unit.id(), slug);
        }
        return Collections.unmodifiableMap(slugs);
    }

    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private static final int MAX_SLUG = 60;

    static String slug(String id) {
        String ascii = Normalizer.normalize(id, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = cut(ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", ""),
                MAX_SLUG);
        if (slug.isEmpty()) {
            return "unit";
        }
        return RESERVED.contains(slug) ? slug + "-unit" : slug;
    }

    /** {@code slug} in at most {@code length} characters, never ending in a hyphen. */
    private static String cut(String slug, int length) {
        return slug.length() <= length ? slug : slug.substring(0, length).replaceAll("-+$", "");
    }
}
