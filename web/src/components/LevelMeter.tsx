/** The microphone's input level, for eyes (a bar) and for assistive technology (a meter). */
export function LevelMeter({ level, active }: { level: number; active: boolean }) {
  const percent = Math.round(Math.max(0, Math.min(1, level)) * 100);
  return (
    <div
      className={`level ${active ? "" : "level-off"}`}
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={active ? percent : 0}
    >
      <div className="level-fill" style={{ transform: `scaleX(${active ? percent / 100 : 0})` }} />
    </div>
  );
}
