package dev.cardminer.facts;

/**
 * A model's Open LLM Leaderboard (v2) scores, normalised 0–100 as the leaderboard shows them; null where
 * the row has none.
 *
 * @param precision the evaluated precision ({@code bfloat16}); a model evaluated at several has its best average kept
 * @param model    the model's id as the leaderboard writes it ({@code fullname})
 * @param average  the average of the six benchmarks
 * @param ifeval   IFEval
 * @param bbh      BBH
 * @param mathLvl5 MATH Lvl 5
 * @param gpqa     GPQA
 * @param musr     MuSR
 * @param mmluPro  MMLU-PRO
 * @param sha      the model commit evaluated
 */
public record LeaderboardScores(String model, String precision, Double average, Double ifeval, Double bbh,
                                Double mathLvl5, Double gpqa, Double musr, Double mmluPro, String sha) {
}
