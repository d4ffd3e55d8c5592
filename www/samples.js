// A fictional opinion piece written for Slant's "Load sample" button. The town,
// the people and the quotations are invented. It is embedded here so loading
// it needs no network request.

export const SAMPLE = {
  name: 'Fictional opinion piece: the Harbour Bypass',
  input: 'text',
  text: `The Harbour Bypass Is a Reckless Gamble With Halbrook's Future
by Marian Oakes | Opinion | 3 March 2024

Halbrook's planning committee will vote next Thursday on the so-called Harbour Bypass, a four-lane road that would slice through the Meddow Marshes and, its backers promise, end the town's traffic misery for good. Do not believe a word of it. This scheme is a reckless gamble with the one piece of wild land our children still have, and the council's cronies know it.

The official documents describe the bypass as "modernisation". They speak of "stakeholder engagement" and a "balanced" approach to the marshes. What they describe, in plain English, is 1.8 kilometres of concrete laid across a nesting site for curlews and redshanks.

Everyone knows the consultation was a sham. It ran for just eleven days over the Christmas holidays, and the 300-page environmental report could only be read in person at the town hall. “We were given less than two weeks to respond to a document most councillors have not read themselves,” said Priya Nandakumar, who chairs the Halbrook Wetlands Trust. “That is not consultation. That is a formality.”

Councillor Tom Whitcombe, the cabinet member for transport, defends the plan. “The bypass will take 4,000 lorries a day off the high street,” he told a public meeting last month. That figure has never been published, and the council has refused to say where it comes from.

Experts say the traffic will simply return within a decade, as it has on every new road built in the county since the 1990s. Critics argue that the money would be better spent on the railway station, which has not seen a penny of investment in years. Some say the real purpose of the road is to open up the marsh edge for luxury housing. It is widely believed that two developers have already taken options on the land.

Undoubtedly, the bureaucrats at County Hall will call this scaremongering. They always do. But the threat to the marshes is real, and once the diggers arrive it will be too late. A catastrophic loss of habitat cannot be undone with a landscaping budget and a few saplings planted along a verge.

The committee meets at 7pm on Thursday in the council chamber. Anyone who lives in Halbrook is entitled to speak. Go, and tell them that a town which paves over its marshes has stopped thinking about its future.

Marian Oakes is a retired ecologist and a trustee of the Halbrook Wetlands Trust.
`,
};
