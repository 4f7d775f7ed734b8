// The questions `wtool add-episode` asks on a terminal: every field of a new episode (and of its
// season, when that does not exist yet), each with the value known so far as its default.
// Answers are checked as they come (numbers, dates, times, links); whatever the catalogue rules
// say about the result is shown afterwards, in the command's summary.
#pragma once

#include "catalogue/catalogue.hpp"
#include "catalogue/catalogue_append.hpp"
#include "cli/prompter.hpp"
#include "time/timezone.hpp"

#include <optional>

namespace wtool {

// Asks for every field of an addition to `cat`, in this order: season (default: the given one,
// else the next coming season, else a new one after the last); for a season that does not exist
// yet its date, start time, theme and Zoom link (a meeting link of any platform in a catalogue that
// uses meeting_url); the episode number (default: the next free
// one); title; each speaker's name, honorific, affiliation, country, homepage and bio (the
// first speaker is required; an empty name after that ends the list); the abstract; a joint bio
// when there are several speakers; the recording link; and, without a recording, whether it may
// be shared. Values in `draft` are the defaults. Returns nullopt when the input ends at a
// one-line question (Ctrl-D): the user gave up.
std::optional<Addition> ask_for_addition(Prompter& prompter, const Catalogue& cat, tz::Instant now,
                                         const Addition& draft);

} // namespace wtool
