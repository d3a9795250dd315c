/*
 * indicators.c - the survey indicators the family plugin knows without
 * configuration: the 29 of the shipped working IKK model (DOMAIN.md section
 * 7.2). The wording is a working proposal, not the official Permen PPPA
 * 7/2022 list; a coordinator adds others with indicator.CODE keys.
 */
#include <config.h>

#include <stddef.h>

#include "indicators.h"

const family_builtin family_builtins[] = {
	{ "L1", "Kualitas Legalitas-Struktur",
	  FAMILY_LABEL_L1, "Couple has a marriage certificate" },
	{ "L2", "Kualitas Legalitas-Struktur",
	  FAMILY_LABEL_L2, "Children 0-17 have a birth certificate" },
	{ "L3", "Kualitas Legalitas-Struktur",
	  FAMILY_LABEL_L3, "No child marriage (no member under 19 married)" },
	{ "F1", "Kualitas Ketahanan Fisik",
	  FAMILY_LABEL_F1, "Enough food (at least 2 meals a day, varied food)" },
	{ "F2", "Kualitas Ketahanan Fisik",
	  FAMILY_LABEL_F2, "KK without a stunted child under five (free of nutrition problems)" },
	{ "F3", "Kualitas Ketahanan Fisik",
	  FAMILY_LABEL_F3,
	  "Members with a health disorder, chronic disease or disability are cared for" },
	{ "F4", "Kualitas Ketahanan Fisik",
	  FAMILY_LABEL_F4, "A fixed place to sleep (parents' room apart from the children)" },
	{ "F5", "Kualitas Ketahanan Fisik",
	  FAMILY_LABEL_F5, "Access to safe drinking water" },
	{ "F6", "Kualitas Ketahanan Fisik",
	  FAMILY_LABEL_F6, "Access to a proper latrine/sanitation" },
	{ "E1", "Kualitas Ketahanan Ekonomi",
	  FAMILY_LABEL_E1, "Lives in an own house" },
	{ "E2", "Kualitas Ketahanan Ekonomi",
	  FAMILY_LABEL_E2, "A member has a source of income" },
	{ "E3", "Kualitas Ketahanan Ekonomi",
	  FAMILY_LABEL_E3, "Income per head at or above the poverty line" },
	{ "E4", "Kualitas Ketahanan Ekonomi",
	  FAMILY_LABEL_E4, "Able to pay for the children's education" },
	{ "E5", "Kualitas Ketahanan Ekonomi",
	  FAMILY_LABEL_E5, "No child 7-18 dropped out or never in school" },
	{ "E6", "Kualitas Ketahanan Ekonomi",
	  FAMILY_LABEL_E6, "Has family savings" },
	{ "E7", "Kualitas Ketahanan Ekonomi",
	  FAMILY_LABEL_E7, "Has health insurance (JKN)" },
	{ "E8", "Kualitas Ketahanan Ekonomi",
	  FAMILY_LABEL_E8, "Healthy, habitable house" },
	{ "P1", "Kualitas Ketahanan Sosial-Psikologi",
	  FAMILY_LABEL_P1, "No violence against women (domestic)" },
	{ "P2", "Kualitas Ketahanan Sosial-Psikologi",
	  FAMILY_LABEL_P2, "No violence against children" },
	{ "P3", "Kualitas Ketahanan Sosial-Psikologi",
	  FAMILY_LABEL_P3, "Not a victim of crime" },
	{ "P4", "Kualitas Ketahanan Sosial-Psikologi",
	  FAMILY_LABEL_P4, "Family time together" },
	{ "P5", "Kualitas Ketahanan Sosial-Psikologi",
	  FAMILY_LABEL_P5, "Family decisions taken by husband and wife together" },
	{ "P6", "Kualitas Ketahanan Sosial-Psikologi",
	  FAMILY_LABEL_P6, "Open management of the family's money" },
	{ "B1", "Kualitas Ketahanan Sosial-Budaya",
	  FAMILY_LABEL_B1, "Elderly members respected and cared for" },
	{ "B2", "Kualitas Ketahanan Sosial-Budaya",
	  FAMILY_LABEL_B2, "Takes part in neighbourhood social activities" },
	{ "B3", "Kualitas Ketahanan Sosial-Budaya",
	  FAMILY_LABEL_B3, "Takes part in religious activities" },
	{ "B4", "Kualitas Ketahanan Sosial-Budaya",
	  FAMILY_LABEL_B4, "Takes part in PKK/dasawisma activities" },
	{ "B5", "Kualitas Ketahanan Sosial-Budaya",
	  FAMILY_LABEL_B5, "Takes part in mutual aid (rukun kematian, jimpitan, arisan)" },
	{ "B6", "Kualitas Ketahanan Sosial-Budaya",
	  FAMILY_LABEL_B6, "Harmony and tolerance between religions and ethnic groups" },
};

const size_t family_n_builtins = sizeof family_builtins / sizeof family_builtins[0];
