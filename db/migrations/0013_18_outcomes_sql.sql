-- Issue #18: a phone number tells the country, not the city. Callboard used to store, for a number whose country
-- keeps several clocks, that country's most populous zone (America/New_York for every +1 number) as if someone had
-- chosen it, and read every time the candidate said on a call in it. Those guesses are cleared: such a candidate's
-- times are read in INTERVIEW_TIMEZONE, shown as "zone assumed", until a recruiter sets the zone. A zone someone
-- chose that happens to equal the old guess is cleared too (the two cannot be told apart); the candidate's page
-- then asks for it again.
UPDATE `candidates` SET `time_zone` = NULL
WHERE (`phone` LIKE '+1%' AND `time_zone` IN ('America/New_York', 'America/Toronto'))
   OR (`phone` LIKE '+52%' AND `time_zone` = 'America/Mexico_City')
   OR (`phone` LIKE '+55%' AND `time_zone` = 'America/Sao_Paulo')
   OR (`phone` LIKE '+56%' AND `time_zone` = 'America/Santiago')
   OR (`phone` LIKE '+593%' AND `time_zone` = 'America/Guayaquil')
   OR (`phone` LIKE '+61%' AND `time_zone` = 'Australia/Sydney')
   OR (`phone` LIKE '+64%' AND `time_zone` = 'Pacific/Auckland')
   OR (`phone` LIKE '+7%' AND `time_zone` = 'Europe/Moscow')
   OR (`phone` LIKE '+380%' AND `time_zone` = 'Europe/Kyiv')
   OR (`phone` LIKE '+34%' AND `time_zone` = 'Europe/Madrid')
   OR (`phone` LIKE '+351%' AND `time_zone` = 'Europe/Lisbon')
   OR (`phone` LIKE '+86%' AND `time_zone` = 'Asia/Shanghai')
   OR (`phone` LIKE '+62%' AND `time_zone` = 'Asia/Jakarta')
   OR (`phone` LIKE '+976%' AND `time_zone` = 'Asia/Ulaanbaatar')
   OR (`phone` LIKE '+675%' AND `time_zone` = 'Pacific/Port_Moresby')
   OR (`phone` LIKE '+299%' AND `time_zone` = 'America/Nuuk')
   OR (`phone` LIKE '+243%' AND `time_zone` = 'Africa/Kinshasa');
