package com.deskbridge.automation;

import com.deskbridge.domain.sla.BusinessCalendar;
import com.deskbridge.domain.sla.SellerSlaPolicy;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.intent.Intent;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroSettings;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One seller's automatic-reply configuration: whether automation is on, the shop name replies are signed with, the
 * business calendar (time zone, hours, holidays: from the seller's {@link SellerSlaPolicy}, so the acknowledgement
 * promises the same opening the SLA clock counts with), the macro catalog (languages, carrier-link setting, own
 * macros) and the rules. Built and validated by {@link #builder()}; immutable.
 *
 * <h2>Precedence</h2>
 * When several rules match, the first in {@link #rules()} decides. The order is: the seller's answer rules (in the
 * order given: theirs are more specific), the built-in answers ("where is my order" with tracking), the seller's
 * acknowledgement rules, the built-in weekend acknowledgement. An answer beats an acknowledgement because it tells
 * the buyer something real: a "where is my order" message on Saturday with tracking known gets the tracking
 * update, not "we will answer on Monday".
 */
public final class SellerAutomationSettings {
    /** The most rules a seller can define. */
    public static final int MAX_SELLER_RULES = 50;

    private final boolean enabled;
    private final String shopName;
    private final SellerSlaPolicy slaPolicy;
    private final MacroCatalog macros;
    private final List<AutoReplyRule> sellerRules;
    private final Set<String> disabledBuiltIns;
    private final List<AutoReplyRule> rules;

    private SellerAutomationSettings(boolean enabled, String shopName, SellerSlaPolicy slaPolicy, MacroCatalog macros,
                                     List<AutoReplyRule> sellerRules, Set<String> disabledBuiltIns) {
        this.enabled = enabled;
        this.shopName = shopName;
        this.slaPolicy = slaPolicy;
        this.macros = macros;
        this.sellerRules = List.copyOf(sellerRules);
        this.disabledBuiltIns = Set.copyOf(disabledBuiltIns);
        List<AutoReplyRule> builtIns = BuiltInRules.all().stream().filter(r -> !disabledBuiltIns.contains(r.id()))
                .toList();
        this.rules = Stream.of(
                        this.sellerRules.stream().filter(r -> !r.acknowledgement()),
                        builtIns.stream().filter(r -> !r.acknowledgement()),
                        this.sellerRules.stream().filter(AutoReplyRule::acknowledgement),
                        builtIns.stream().filter(AutoReplyRule::acknowledgement))
                .flatMap(s -> s).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether automatic replies are on for this seller. */
    public boolean enabled() {
        return enabled;
    }

    /** The shop name replies are signed with ({{SellerName}}). */
    public String shopName() {
        return shopName;
    }

    public SellerSlaPolicy slaPolicy() {
        return slaPolicy;
    }

    /** The seller's business calendar. */
    public BusinessCalendar calendar() {
        return slaPolicy.calendar();
    }

    /** The seller's time zone, in which rule windows are read. */
    public ZoneId zone() {
        return slaPolicy.calendar().zone();
    }

    public MacroCatalog macros() {
        return macros;
    }

    public MacroSettings macroSettings() {
        return macros.settings();
    }

    /** The seller's own rules, validated, in the order given. */
    public List<AutoReplyRule> sellerRules() {
        return sellerRules;
    }

    public Set<String> disabledBuiltIns() {
        return disabledBuiltIns;
    }

    /** Every active rule in precedence order (see the class comment). */
    public List<AutoReplyRule> rules() {
        return rules;
    }

    /**
     * Collects the settings; {@link #build()} validates everything at once and throws a
     * {@link RuleValidationException} naming every offending field ({@code shopName}, {@code slaPolicy},
     * {@code macros}, {@code rules}, {@code rules[i].id}, {@code rules[i].intents}, {@code rules[i].channels},
     * {@code rules[i].windows[j].start}, {@code rules[i].windows[j].end}, {@code rules[i].requires},
     * {@code rules[i].orderChannels}, {@code rules[i].macro}, {@code disabledBuiltIns}). Automation is on unless
     * switched off.
     */
    public static final class Builder {
        private static final Set<String> INTENTS = Arrays.stream(Intent.values()).map(Intent::name)
                .collect(Collectors.toCollection(TreeSet::new));

        private boolean enabled = true;
        private String shopName;
        private SellerSlaPolicy slaPolicy;
        private MacroCatalog macros;
        private final List<RuleDefinition> rules = new ArrayList<>();
        private final List<String> disabledBuiltIns = new ArrayList<>();

        private Builder() {
        }

        public Builder enabled(boolean on) {
            this.enabled = on;
            return this;
        }

        /** The shop name replies are signed with. */
        public Builder shopName(String name) {
            this.shopName = name;
            return this;
        }

        /** The seller's SLA policy; its calendar decides the time zone, the opening hours and the holidays. */
        public Builder slaPolicy(SellerSlaPolicy policy) {
            this.slaPolicy = policy;
            return this;
        }

        /** The seller's macro catalog ({@code MacroCatalog.of(settings, sellerMacros)}). */
        public Builder macros(MacroCatalog catalog) {
            this.macros = catalog;
            return this;
        }

        /** Adds a seller rule (after the ones added before: earlier rules win among the seller's). */
        public Builder rule(RuleDefinition rule) {
            rules.add(rule);
            return this;
        }

        public Builder rules(List<RuleDefinition> all) {
            rules.addAll(all);
            return this;
        }

        /** Switches off one built-in rule ({@link BuiltInRules}). */
        public Builder disableBuiltIn(String id) {
            disabledBuiltIns.add(id);
            return this;
        }

        /** @throws RuleValidationException listing every problem */
        public SellerAutomationSettings build() {
            List<RuleProblem> problems = new ArrayList<>();
            if (shopName == null || shopName.isBlank()) {
                problems.add(new RuleProblem("shopName", "is required (replies are signed with it)"));
            }
            if (slaPolicy == null) {
                problems.add(new RuleProblem("slaPolicy", "is required (time zone, business hours, holidays)"));
            }
            if (macros == null) {
                problems.add(new RuleProblem("macros", "is required"));
            }
            if (rules.size() > MAX_SELLER_RULES) {
                problems.add(new RuleProblem("rules", "has " + rules.size() + " rules; at most " + MAX_SELLER_RULES
                        + " are allowed"));
            }
            Set<String> seen = new HashSet<>();
            List<AutoReplyRule> valid = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                AutoReplyRule r = validate(rules.get(i), "rules[" + i + "]", seen, problems);
                if (r != null) {
                    valid.add(r);
                }
            }
            for (String id : disabledBuiltIns) {
                if (!BuiltInRules.ids().contains(id)) {
                    problems.add(new RuleProblem("disabledBuiltIns", "has an unknown built-in rule '" + id
                            + "' (known: " + String.join(", ", new TreeSet<>(BuiltInRules.ids())) + ")"));
                }
            }
            if (!problems.isEmpty()) {
                throw new RuleValidationException(problems);
            }
            return new SellerAutomationSettings(enabled, shopName.strip(), slaPolicy, macros, valid,
                    new LinkedHashSet<>(disabledBuiltIns));
        }

        /** The rule, or null with its problems added. */
        private AutoReplyRule validate(RuleDefinition d, String at, Set<String> seen, List<RuleProblem> problems) {
            int before = problems.size();
            if (d == null) {
                problems.add(new RuleProblem(at, "is required"));
                return null;
            }
            String id = ruleId(d, at, seen, problems);
            Set<String> intents = new HashSet<>();
            for (String intent : d.intents()) {
                String v = intent == null ? "" : intent.trim();
                if (INTENTS.contains(v)) {
                    intents.add(v);
                } else {
                    problems.add(new RuleProblem(at + ".intents", "has an unknown intent '" + intent + "' (known: "
                            + String.join(", ", INTENTS) + ")"));
                }
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (String channel : d.channels()) {
                try {
                    channels.add(Channel.parse(channel, at + ".channels"));
                } catch (InvalidInputException e) {
                    problems.add(new RuleProblem(e.field(), e.reason()));
                }
            }
            List<WeeklyRange> windows = windows(d, at, problems);
            Set<DataRequirement> requires = names(d.requires(), DataRequirement.class, at + ".requires",
                    "requirement", Arrays.stream(DataRequirement.values()).map(Enum::name).collect(Collectors.joining(", ")),
                    problems);
            Set<FulfilmentChannel> orderChannels = names(d.orderChannels(), FulfilmentChannel.class, at + ".orderChannels",
                    "fulfilment channel", "FBA, FBM, MCF", problems);
            String macro = macro(d, at, problems);
            if (problems.size() > before) {
                return null;
            }
            return new AutoReplyRule(id, intents, channels, windows, requires, orderChannels, macro, false);
        }

        /** The rule's id: its shape, not a built-in's prefix, not used twice. */
        private static String ruleId(RuleDefinition d, String at, Set<String> seen, List<RuleProblem> problems) {
            String id = d.id() == null ? null : d.id().trim();
            if (id == null || !AutoReplyRule.ID.matcher(id).matches()) {
                problems.add(new RuleProblem(at + ".id", "must be 1-64 lower-case letters, digits or dashes (was '"
                        + d.id() + "')"));
            } else if (id.startsWith(BuiltInRules.ID_PREFIX)) {
                problems.add(new RuleProblem(at + ".id", "must not start with '" + BuiltInRules.ID_PREFIX
                        + "' (reserved for built-in rules)"));
            } else if (!seen.add(id)) {
                problems.add(new RuleProblem(at + ".id", "'" + id + "' is used by more than one rule"));
            }
            return id;
        }

        private static List<WeeklyRange> windows(RuleDefinition d, String at, List<RuleProblem> problems) {
            List<WeeklyRange> windows = new ArrayList<>();
            for (int j = 0; j < d.windows().size(); j++) {
                RuleDefinition.Window w = d.windows().get(j);
                String field = at + ".windows[" + j + "]";
                if (w == null) {
                    problems.add(new RuleProblem(field, "is required"));
                    continue;
                }
                try {
                    windows.add(WeeklyRange.parse(w.start(), w.end()));
                } catch (InvalidInputException e) {
                    problems.add(new RuleProblem(field + "." + e.field(), e.reason()));
                }
            }
            return windows;
        }

        /** Names of {@code type}'s constants (any case), each unknown one a problem naming the {@code known} ones. */
        private static <E extends Enum<E>> Set<E> names(java.util.Collection<String> values, Class<E> type, String field, String what,
                                                        String known, List<RuleProblem> problems) {
            Set<E> found = EnumSet.noneOf(type);
            for (String value : values) {
                String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
                try {
                    found.add(Enum.valueOf(type, v));
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(field, "has an unknown " + what + " '" + value + "' (known: " + known + ")"));
                }
            }
            return found;
        }

        private String macro(RuleDefinition d, String at, List<RuleProblem> problems) {
            String macro = d.macro() == null ? null : d.macro().trim();
            if (macro == null || macro.isEmpty()) {
                problems.add(new RuleProblem(at + ".macro", "is required"));
            } else if (!macro.equals(AcknowledgementTemplate.ID) && macros != null && macros.find(macro).isEmpty()) {
                problems.add(new RuleProblem(at + ".macro", "names an unknown macro '" + macro + "' (not in this "
                        + "seller's catalog; macros with {{TrackingLink}} are only there when carrier links are "
                        + "enabled; " + AcknowledgementTemplate.ID + " sends the acknowledgement)"));
            }
            return macro;
        }
    }
}
