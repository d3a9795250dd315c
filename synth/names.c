/*
 * names.c - given names common in South Kalimantan, for the name columns
 * of the follow-up lists and the dasawisma recap. Synthetic combinations;
 * no real person is meant.
 */
#include "gen.h"

static const char *const male[] = {
	"Ahmad", "Muhammad", "Rahmat", "Fauzi", "Hendra", "Rizky", "Syahrani", "Bahrudin",
	"Anang", "Udin", "Jumberi", "Hamdani", "Saprudin", "Arbain", "Ibrahim", "Yusuf",
	"Fahmi", "Agus", "Budi", "Darmawan", "Gusti", "Irwan", "Kurniawan", "Lukman",
	"Mahyuni", "Nurdin", "Rusdi", "Supian", "Taufik", "Zainal", "Aditya", "Fajar"
};

static const char *const female[] = {
	"Siti", "Nurhayati", "Aisyah", "Fitriani", "Rahmah", "Jamilah", "Noorhasanah", "Halimah",
	"Masitah", "Rusmini", "Salmah", "Zubaidah", "Dewi", "Fatimah", "Hasanah", "Irma",
	"Khadijah", "Lestari", "Mariani", "Nadia", "Putri", "Rina", "Sari", "Wahyuni",
	"Yuliana", "Zahra", "Aulia", "Bunga", "Citra", "Dina", "Erna", "Galuh"
};

static const char *const flower[] = {
	"Mawar", "Melati", "Anggrek", "Kenanga", "Cempaka", "Dahlia", "Kamboja", "Teratai",
	"Flamboyan", "Tulip", "Seroja", "Lili"
};

const char *names_male(rng *r)
{
	return male[rng_below(r, sizeof(male) / sizeof(male[0]))];
}

const char *names_female(rng *r)
{
	return female[rng_below(r, sizeof(female) / sizeof(female[0]))];
}

const char *names_flower(int i)
{
	return flower[(unsigned)i % (sizeof(flower) / sizeof(flower[0]))];
}
