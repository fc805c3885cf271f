package care.sciatica.console;

import io.restassured.response.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** A page's CSRF token and cookie, as a browser gets them by opening the page before sending its form. */
record Forms(String token, String cookie) {

    static Forms of(String page) {
        Response response = given().get(page).then().statusCode(200).extract().response();
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(response.asString());
        if (!token.find()) {
            throw new AssertionError("No CSRF token on " + page);
        }
        return new Forms(token.group(1), response.getCookie("csrf-token"));
    }

    static String json(String text) {
        return text.replace('\'', '"');
    }
}
