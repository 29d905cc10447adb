package io.clickstream.topology.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CampaignTest {

  @Test
  void allThreeParametersMakeTheCampaign() {
    assertThat(
            Campaign.fromUrl(
                "https://shop.example/?utm_source=news&utm_medium=email&utm_campaign=bf"))
        .contains(new Campaign("news", "email", "bf"));
  }

  @Test
  void aMissingPartIsEmptyInTheKey() {
    var campaign =
        Campaign.fromUrl("https://shop.example/products/42?utm_source=news&utm_campaign=bf");

    assertThat(campaign).contains(new Campaign("news", "", "bf"));
    assertThat(campaign.orElseThrow().key()).isEqualTo("news//bf");
  }

  @Test
  void oneParameterIsEnough() {
    assertThat(Campaign.fromUrl("https://a.example/?utm_medium=cpc").orElseThrow().key())
        .isEqualTo("/cpc/");
  }

  @Test
  void aUrlWithoutUtmHasNoCampaign() {
    assertThat(Campaign.fromUrl("https://a.example/?q=lamp&page=2")).isEmpty();
    assertThat(Campaign.fromUrl("https://a.example/")).isEmpty();
    assertThat(Campaign.fromUrl(null)).isEmpty();
  }

  @Test
  void emptyOrBlankUtmValuesAreNoCampaign() {
    assertThat(Campaign.fromUrl("https://a.example/?utm_source=&utm_medium=%20&utm_campaign"))
        .isEmpty();
  }

  @Test
  void valuesArePercentDecodedWithPlusAsSpace() {
    assertThat(
            Campaign.fromUrl(
                "https://a.example/?utm_source=news%26co&utm_medium=e+mail&utm_campaign=black%20friday%2F%C3%A9t%C3%A9"))
        .contains(new Campaign("news&co", "e mail", "black friday/été"));
  }

  @Test
  void caseIsKeptAsSent() {
    assertThat(Campaign.fromUrl("https://a.example/?utm_source=Newsletter&utm_campaign=BF"))
        .contains(new Campaign("Newsletter", "", "BF"));
  }

  @Test
  void parameterNamesAreMatchedExactly() {
    assertThat(Campaign.fromUrl("https://a.example/?UTM_SOURCE=news&xutm_source=x")).isEmpty();
  }

  @Test
  void surroundingWhitespaceIsTrimmed() {
    assertThat(Campaign.fromUrl("https://a.example/?utm_source=+news+"))
        .contains(new Campaign("news", "", ""));
  }

  @Test
  void theFirstOccurrenceOfAParameterWins() {
    assertThat(Campaign.fromUrl("https://a.example/?utm_source=first&utm_source=second"))
        .contains(new Campaign("first", "", ""));
  }

  @Test
  void parametersInTheFragmentAreIgnored() {
    assertThat(Campaign.fromUrl("https://a.example/#/landing?utm_source=news")).isEmpty();
    assertThat(Campaign.fromUrl("https://a.example/?utm_source=news#utm_medium=email"))
        .contains(new Campaign("news", "", ""));
  }

  @Test
  void aMalformedEscapeIsKeptAsSent() {
    assertThat(Campaign.fromUrl("https://a.example/?utm_source=100%zz+off&utm_medium=email"))
        .contains(new Campaign("100%zz off", "email", ""));
  }

  @Test
  void aUrlThatJavaNetUriRefusesStillHasItsCampaign() {
    assertThat(Campaign.fromUrl("https://a.example/a b?utm_source=news letter|x"))
        .contains(new Campaign("news letter|x", "", ""));
  }
}
