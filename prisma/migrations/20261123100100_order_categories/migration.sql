-- The order categories every community starts with (administrators may change them later).
INSERT INTO "OrderCategory" ("id", "code", "nameZh", "nameEn", "responseHours", "resolutionDays", "requiresDispatch", "sortOrder") VALUES
  ('category_wish', 'WISH', '微心愿', 'Micro-wish', 24, 15, true, 10),
  ('category_safety', 'SAFETY', '安全隐患', 'Safety hazard', 2, 3, true, 20),
  ('category_service', 'SERVICE', '便民服务/代办', 'Convenience service / errand', 24, 5, false, 30),
  ('category_repair', 'REPAIR', '设施维修', 'Facility repair', 12, 7, true, 40),
  ('category_sanitation', 'SANITATION', '环境卫生', 'Sanitation', 12, 3, false, 50),
  ('category_dispute', 'DISPUTE', '邻里纠纷', 'Neighbour dispute', 24, 10, true, 60),
  ('category_suggestion', 'SUGGESTION', '建议', 'Suggestion', 72, 15, true, 70);
