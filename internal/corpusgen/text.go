package corpusgen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// The text is drawn from word lists shaped like news prose: subjects,
// verbs of reporting and acting, objects, places, and connecting phrases.
// It reads as plausible nonsense, with the seed's sentence and paragraph
// lengths, which is what benchmarks and the cross-file rules need.

var (
	subjects = []string{"The ministry", "Officials", "The spokesman", "Witnesses", "The army", "Local residents",
		"The committee", "Analysts", "The prime minister", "Rescue teams", "The opposition", "Diplomats",
		"The foreign minister", "Security sources", "The agency", "Farmers", "Doctors", "The central bank",
		"Aid groups", "The president", "Lawmakers", "The court", "Negotiators", "Shipping companies",
		"The governor", "Protesters", "The resistance", "Engineers", "Teachers", "Traders"}
	verbs = []string{"said", "reported", "confirmed", "warned", "announced", "denied", "stated", "noted",
		"added", "argued", "claimed", "estimated", "insisted", "acknowledged", "explained", "revealed"}
	actions = []string{"launched", "rejected", "approved", "suspended", "resumed", "expanded", "targeted",
		"postponed", "welcomed", "criticised", "delayed", "funded", "blocked", "restored", "investigated",
		"extended", "cancelled", "signed", "reviewed", "demanded"}
	objects = []string{"the agreement", "a new round of talks", "the reconstruction plan", "the ceasefire",
		"the border crossing", "fuel deliveries", "the water network", "the election law", "the aid convoy",
		"a lawsuit", "the power plant", "the budget", "the prisoner exchange", "the investigation",
		"the military operation", "the trade route", "the port", "wheat imports", "the hospital",
		"the peace initiative", "the sanctions", "the evacuation", "the oil field", "the airport"}
	places = []string{"Beirut", "Baghdad", "Gaza", "Tehran", "Damascus", "Sanaa", "Amman", "Cairo", "Basra",
		"the south", "the capital", "the coastal region", "the northern provinces", "the Red Sea",
		"the Bekaa valley", "Aleppo", "Mosul", "Tyre", "Sidon", "Erbil", "Hodeidah", "the West Bank"}
	times = []string{"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
		"on Sunday", "last week", "earlier this month", "overnight", "two days earlier", "since January",
		"in recent weeks", "after midnight", "this morning", "late on Friday"}
	connectors = []string{"after", "because", "although", "while", "as", "before", "since", "even though"}
	qualifiers = []string{"in response to", "despite", "following", "amid", "ahead of", "as part of",
		"in protest at", "under pressure from"}
	causes = []string{"the recent escalation", "mounting public anger", "a shortage of funds",
		"international criticism", "the collapse of the currency", "repeated power cuts", "the heavy rains",
		"the assassination of a senior official", "rising food prices", "a wave of strikes",
		"the closure of the crossing", "the latest air raids", "the court's ruling", "the talks in Doha"}
	adjectives = []string{"senior", "local", "regional", "international", "military", "civilian", "economic",
		"political", "humanitarian", "official", "independent", "former", "new", "urgent"}
	nouns = []string{"officials", "sources", "observers", "leaders", "factions", "workers", "families",
		"forces", "groups", "institutions", "residents", "journalists", "experts"}
	titleWords = []string{"Resistance", "Talks", "Ceasefire", "Aid", "Border", "Strikes", "Escalation",
		"Crisis", "Reconstruction", "Elections", "Protests", "Sanctions", "Withdrawal", "Agreement",
		"Operation", "Warning", "Economy", "Refugees", "Negotiations", "Attack", "Drone", "Port", "Court"}
	titleVerbs = []string{"Marks", "Signals", "Threatens", "Faces", "Demands", "Rejects", "Sparks", "Ends",
		"Delays", "Raises", "Deepens", "Eases", "Halts", "Shapes"}
)

// lowerFirst lowers the first letter of a subject used inside a sentence.
func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// clause is one reported clause, 10 to 25 words.
func clause(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(lowerFirst(pick(r, subjects)))
	switch r.IntN(4) {
	case 0:
		b.WriteString(" " + pick(r, actions) + " " + pick(r, objects) + " in " + pick(r, places))
	case 1:
		b.WriteString(" " + pick(r, actions) + " " + pick(r, objects) + " " + pick(r, qualifiers) + " " + pick(r, causes))
	case 2:
		b.WriteString(" had " + pick(r, actions) + " " + pick(r, objects) + " " + pick(r, times))
	default:
		b.WriteString(" " + pick(r, actions) + " " + pick(r, objects) + ", " + pick(r, connectors) + " " +
			pick(r, adjectives) + " " + pick(r, nouns) + " " + pick(r, verbs) + " that " + pick(r, objects) + " was at risk")
	}
	return b.String()
}

// sentence is one sentence of 12 to 45 words.
func sentence(r *rand.Rand) string {
	var s string
	switch r.IntN(5) {
	case 0:
		s = pick(r, subjects) + " " + pick(r, verbs) + " " + pick(r, times) + " that " + clause(r)
	case 1:
		s = pick(r, subjects) + " in " + pick(r, places) + " " + pick(r, verbs) + " that " + clause(r) + ", " + pick(r, connectors) + " " + clause(r)
	case 2:
		n := strconv.Itoa(10 + r.IntN(9990))
		s = "More than " + n + " " + pick(r, nouns) + " were affected " + pick(r, times) + ", " + pick(r, adjectives) + " " + pick(r, nouns) + " " + pick(r, verbs) + ", " + pick(r, qualifiers) + " " + pick(r, causes)
	case 3:
		s = pick(r, qualifiers) + " " + pick(r, causes) + ", " + clause(r)
	default:
		s = pick(r, subjects) + " " + pick(r, verbs) + " that " + clause(r)
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// paragraph is one to three sentences.
func paragraph(r *rand.Rand) string {
	n := 1 + r.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = sentence(r)
	}
	return strings.Join(parts, " ")
}

// title is a headline of 6 to 11 words in title case.
func title(r *rand.Rand) string {
	place := pick(r, places)
	place = strings.TrimPrefix(place, "the ")
	place = strings.ToUpper(place[:1]) + place[1:]
	words := []string{place, pick(r, titleWords) + ":", pick(r, titleWords), pick(r, titleVerbs), "New", pick(r, titleWords)}
	switch r.IntN(4) {
	case 0:
		words = append(words, "in", pick(r, titleWords))
	case 1:
		words = append(words, "After", strconv.Itoa(2+r.IntN(98)), "Days", "of", pick(r, titleWords))
	case 2:
		words = append(words, "Against", pick(r, titleWords), "and", pick(r, titleWords))
	}
	return strings.Join(words, " ")
}
