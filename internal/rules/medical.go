package rules

// MedicalTerms returns the words in text that look medical. TODO.
func MedicalTerms(text string) []string { return nil }
