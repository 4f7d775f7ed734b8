#include "time/timezone_transitions.hpp"

namespace wtool::tz {

namespace {

bool flagged_dst(const date::sys_info& info) {
    return info.save != std::chrono::minutes{0};
}

// Whether two periods of a zone show the same wall clock.
bool same_clock(const date::sys_info& a, const date::sys_info& b) {
    return a.offset == b.offset && a.abbrev == b.abbrev && flagged_dst(a) == flagged_dst(b);
}

// date/tz marks "since always" and "for ever" with periods that begin or end at the limits of
// its calendar (years -32767 and 32767).
bool is_first_period(const date::sys_info& info) {
    return info.begin < date::sys_days{date::year{1} / 1 / 1};
}

// Whether `after` is summer time (see Transition::dst).
bool summer_time(const date::sys_info& before, const date::sys_info& after) {
    if (flagged_dst(before) != flagged_dst(after)) {
        return after.offset > before.offset;
    }
    return flagged_dst(after);
}

Transition make_transition(const date::sys_info& before, const date::sys_info& after) {
    return Transition{.at = after.begin,
                      .since_always = false,
                      .offset_before = before.offset,
                      .offset_after = after.offset,
                      .abbrev = after.abbrev,
                      .dst = summer_time(before, after)};
}

} // namespace

std::vector<Transition> transitions(const date::time_zone& zone, Instant from, Instant to) {
    std::vector<Transition> out;
    date::sys_info current = zone.get_info(from);
    // Walk back over periods that changed nothing, to the transition that really set the clock.
    date::sys_info start = current;
    while (!is_first_period(start)) {
        const date::sys_info previous = zone.get_info(start.begin - std::chrono::seconds{1});
        if (!same_clock(previous, start)) {
            out.push_back(make_transition(previous, current));
            out.back().at = start.begin;
            break;
        }
        start = previous;
    }
    if (out.empty()) {
        out.push_back(Transition{.at = Instant{},
                                 .since_always = true,
                                 .offset_before = current.offset,
                                 .offset_after = current.offset,
                                 .abbrev = current.abbrev,
                                 .dst = flagged_dst(current)});
    }
    while (current.end < to) {
        const date::sys_info next = zone.get_info(current.end);
        if (!same_clock(current, next)) {
            out.push_back(make_transition(current, next));
        }
        current = next;
    }
    return out;
}

Instant start_of_local_year(const date::time_zone& zone, int year) {
    const LocalTime midnight{date::local_days{date::year{year} / 1 / 1}};
    auto resolved = resolve_local(zone, midnight, Ambiguity::earlier);
    if (resolved) {
        return *resolved;
    }
    // Midnight fell into a gap: the year starts when the clocks jump.
    auto after_gap = resolve_local(zone, resolved.error().gap_end, Ambiguity::earlier);
    return after_gap ? *after_gap : Instant{midnight.time_since_epoch()};
}

} // namespace wtool::tz
